WITH "t2" AS (
  SELECT
    "t1"."year",
    "t1"."exporter",
    "t1"."importer",
    "t1"."code",
    "t1"."hs_level",
    SUM("t1"."value_usd") AS "value_usd"
  FROM (
    SELECT
      "t0"."year",
      "t0"."exporter",
      "t0"."importer",
      "t0"."hs_revision",
      "t0"."hs_code",
      "t0"."hs_level",
      "t0"."value_usd",
      SUBSTRING(
        "t0"."hs_code",
        CASE WHEN (
          0 + 1
        ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."hs_code") END,
        4
      ) AS "code"
    FROM "product_flows" AS "t0"
    WHERE
      (
        (
          (
            "t0"."exporter" = 'ISR'
          ) AND (
            "t0"."importer" = 'JPN'
          )
        )
        OR (
          (
            "t0"."exporter" = 'JPN'
          ) AND (
            "t0"."importer" = 'ISR'
          )
        )
      )
      AND "t0"."source" = 'baci'
      AND "t0"."hs_level" > 0
      AND "t0"."hs_level" >= 4
  ) AS "t1"
  GROUP BY
    1,
    2,
    3,
    4,
    5
)
SELECT
  "t7"."year",
  "t7"."exporter",
  "t7"."importer",
  "t7"."code",
  "t7"."value_usd"
FROM (
  SELECT
    "t4"."year",
    "t4"."exporter",
    "t4"."importer",
    "t4"."code",
    "t4"."hs_level",
    "t4"."value_usd",
    "t6"."level"
  FROM "t2" AS "t4"
  INNER JOIN (
    SELECT
      "t3"."year",
      "t3"."exporter",
      "t3"."importer",
      "t3"."code",
      MIN("t3"."hs_level") AS "level"
    FROM "t2" AS "t3"
    GROUP BY
      1,
      2,
      3,
      4
  ) AS "t6"
    ON "t4"."year" = "t6"."year"
    AND "t4"."exporter" = "t6"."exporter"
    AND "t4"."importer" = "t6"."importer"
    AND "t4"."code" = "t6"."code"
) AS "t7"
WHERE
  "t7"."hs_level" = "t7"."level"
ORDER BY
  "t7"."year" ASC,
  "t7"."exporter" ASC,
  "t7"."value_usd" DESC
