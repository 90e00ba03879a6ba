SELECT
  "t6"."exporter",
  "t6"."hs_code",
  "t6"."export_usd",
  "t6"."exporter_total_usd",
  "t6"."world_product_usd",
  "t6"."world_total_usd",
  "t6"."export_usd" / NULLIF("t6"."exporter_total_usd", 0) AS "export_share",
  "t6"."world_product_usd" / NULLIF("t6"."world_total_usd", 0) AS "world_share",
  (
    "t6"."export_usd" / NULLIF("t6"."exporter_total_usd", 0)
  ) / NULLIF("t6"."world_product_usd" / NULLIF("t6"."world_total_usd", 0), 0) AS "rca"
FROM (
  SELECT
    "t5"."exporter",
    "t5"."hs_code",
    "t5"."export_usd",
    SUM("t5"."export_usd") OVER (
      PARTITION BY "t5"."exporter"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "exporter_total_usd",
    SUM("t5"."export_usd") OVER (
      PARTITION BY "t5"."hs_code"
      ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING
    ) AS "world_product_usd",
    SUM("t5"."export_usd") OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "world_total_usd"
  FROM (
    SELECT
      "t4"."exporter",
      "t4"."hs_code",
      COALESCE("t4"."world_row", "t4"."partners") AS "export_usd"
    FROM (
      SELECT
        "t3"."exporter",
        "t3"."hs_code",
        SUM("t3"."value_usd") FILTER(WHERE
          "t3"."importer" = 'WLD') AS "world_row",
        SUM("t3"."value_usd") FILTER(WHERE
          NOT (
            "t3"."importer" = 'WLD'
          )) AS "partners"
      FROM (
        SELECT
          "t0"."exporter",
          "t0"."importer",
          SUBSTRING(
            "t0"."hs_code",
            CASE WHEN (
              0 + 1
            ) >= 1 THEN 0 + 1 ELSE 0 + 1 + LENGTH("t0"."hs_code") END,
            6
          ) AS "hs_code",
          "t0"."value_usd"
        FROM "product_flows" AS "t0"
        WHERE
          "t0"."year" = 2016
          AND "t0"."source" = 'baci'
          AND "t0"."hs_level" >= 6
          AND TRUE
          AND "t0"."exporter" <> 'WLD'
          AND "t0"."value_usd" IS NOT NULL
          AND "t0"."hs_level" = (
            SELECT
              MAX("t1"."hs_level") AS "Max(hs_level)"
            FROM (
              SELECT
                *
              FROM "product_flows" AS "t0"
              WHERE
                "t0"."year" = 2016
                AND "t0"."source" = 'baci'
                AND "t0"."hs_level" >= 6
                AND TRUE
                AND "t0"."exporter" <> 'WLD'
                AND "t0"."value_usd" IS NOT NULL
            ) AS "t1"
          )
      ) AS "t3"
      GROUP BY
        1,
        2
    ) AS "t4"
    WHERE
      COALESCE("t4"."world_row", "t4"."partners") > 0
  ) AS "t5"
) AS "t6"
