SELECT
  "t12"."source",
  "t12"."year",
  "t12"."exporter",
  "t12"."importer",
  "t12"."value_usd"
FROM (
  SELECT
    *
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t6"."year",
        "t6"."exporter",
        "t6"."importer",
        "t6"."value_usd",
        'baci' AS "source"
      FROM (
        SELECT
          "t3"."year",
          "t3"."exporter",
          "t3"."importer",
          SUM("t3"."value_usd") AS "value_usd"
        FROM (
          SELECT
            *
          FROM "product_flows" AS "t1"
          WHERE
            "t1"."source" = 'baci'
            AND "t1"."year" BETWEEN 2013 AND 2016
            AND "t1"."hs_level" = 6
            AND (
              (
                (
                  "t1"."exporter" = 'ISR'
                ) AND (
                  "t1"."importer" = 'JPN'
                )
              )
              OR (
                (
                  "t1"."exporter" = 'JPN'
                ) AND (
                  "t1"."importer" = 'ISR'
                )
              )
            )
        ) AS "t3"
        GROUP BY
          1,
          2,
          3
      ) AS "t6"
    ) AS "t9"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT
        "t7"."year",
        "t7"."exporter",
        "t7"."importer",
        "t7"."value_usd",
        'comtrade' AS "source"
      FROM (
        SELECT
          "t4"."year",
          "t4"."exporter",
          "t4"."importer",
          SUM("t4"."value_usd") AS "value_usd"
        FROM (
          SELECT
            *
          FROM "product_flows" AS "t1"
          WHERE
            "t1"."source" = 'comtrade'
            AND "t1"."year" BETWEEN 2013 AND 2016
            AND "t1"."hs_level" = 0
            AND "t1"."flow" = 'X'
            AND "t1"."reporter" = "t1"."exporter"
            AND (
              (
                (
                  "t1"."exporter" = 'ISR'
                ) AND (
                  "t1"."importer" = 'JPN'
                )
              )
              OR (
                (
                  "t1"."exporter" = 'JPN'
                ) AND (
                  "t1"."importer" = 'ISR'
                )
              )
            )
        ) AS "t4"
        GROUP BY
          1,
          2,
          3
      ) AS "t7"
    ) AS "t10"
  ) AS "t11"
  UNION ALL
  SELECT
    *
  FROM (
    SELECT
      "t5"."year",
      "t5"."exporter",
      "t5"."importer",
      "t5"."value_usd",
      'imf_dots' AS "source"
    FROM (
      SELECT
        "t2"."year",
        "t2"."reporter" AS "exporter",
        "t2"."partner" AS "importer",
        SUM("t2"."value_usd") AS "value_usd"
      FROM (
        SELECT
          *
        FROM "country_flows" AS "t0"
        WHERE
          "t0"."source" = 'imf_dots'
          AND "t0"."flow" = 'X'
          AND "t0"."year" BETWEEN 2013 AND 2016
          AND (
            (
              (
                "t0"."reporter" = 'ISR'
              ) AND (
                "t0"."partner" = 'JPN'
              )
            )
            OR (
              (
                "t0"."reporter" = 'JPN'
              ) AND (
                "t0"."partner" = 'ISR'
              )
            )
          )
      ) AS "t2"
      GROUP BY
        1,
        2,
        3
    ) AS "t5"
  ) AS "t8"
) AS "t12"
ORDER BY
  "t12"."source" ASC,
  "t12"."year" ASC,
  "t12"."exporter" ASC
