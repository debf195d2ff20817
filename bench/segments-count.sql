-- Segment count at 1,000,000 customers in one business: a scratch-database measurement, not part of bench/run.sh.
--   dotnet ef migrations script --project src/Customers --no-build --configuration Debug -o /tmp/customers.sql
--   createdb segments_bench && psql -d segments_bench -f /tmp/customers.sql && psql -d segments_bench -f bench/segments-count.sql
-- Seeds 1M customers (80 % with metrics) plus a 50k second business, rescores, then times the count statements
-- SegmentSql compiles, each beside the baseline "every customer" count. Quote ratios, not absolutes (PERFORMANCE.md).
\timing on
INSERT INTO customers (id, tenant_id, kind, display_name, given_name, family_name, emails, phones, home_branch, rating, tags, attributes, status, source, consent, registered_at, updated_at, verified_at)
SELECT gen_random_uuid(), '11111111-1111-1111-1111-111111111111',
       CASE WHEN i % 10 = 0 THEN 'Business' ELSE 'Individual' END,
       'Customer ' || i, 'Given' || i, 'Family' || i,
       ARRAY['c' || i || '@example.com'], ARRAY['+4420' || lpad(i::text, 8, '0')],
       'BR-' || (i % 20), CASE WHEN i % 3 = 0 THEN NULL ELSE 1 + i % 5 END,
       (SELECT coalesce(array_agg('tag' || t), '{}') FROM generate_series(0, 9) t WHERE (i >> t) % 7 = 0),
       jsonb_build_object('shoeSize', 35 + i % 12, 'vip', i % 13 = 0),
       CASE WHEN i % 5 < 3 THEN 'Active' WHEN i % 5 = 3 THEN 'Prospect' ELSE 'Lapsed' END,
       'WalkIn',
       CASE WHEN i % 4 = 0 THEN '{"Email":{"granted":true,"since":"2025-01-01T00:00:00+00:00"}}'::jsonb
            WHEN i % 4 = 1 THEN '{"Sms":{"granted":true,"since":"2025-01-01T00:00:00+00:00"}}'::jsonb ELSE '{}'::jsonb END,
       now() - (i % 1000) * interval '1 day', now(), now()
FROM generate_series(1, 1000000) i;
-- a second, small business sharing the table
INSERT INTO customers (id, tenant_id, kind, display_name, emails, phones, tags, attributes, status, source, consent, registered_at, updated_at, verified_at)
SELECT gen_random_uuid(), '22222222-2222-2222-2222-222222222222', 'Individual', 'Other ' || i, '{}', '{}', ARRAY['tag1'], '{}', 'Active', 'WalkIn', '{}', now(), now(), now()
FROM generate_series(1, 50000) i;
INSERT INTO customer_metrics (tenant_id, customer_id, purchase_count, total_spent, currency, first_purchase_at, last_purchase_at, updated_at)
SELECT tenant_id, id, 1 + (abs(hashtext(id::text)) % 30), (abs(hashtext(id::text || 'm')) % 500000) / 100.0, 'EUR',
       now() - interval '3 years', now() - (abs(hashtext(id::text || 'r')) % 1000) * interval '1 day', now()
FROM customers WHERE tenant_id = '11111111-1111-1111-1111-111111111111' AND status <> 'Prospect';
VACUUM ANALYZE;
-- The rescore statement (Rfm.RescoreSql) with @tenant/@now substituted, run twice: the second run writes nothing.

        WITH ranked AS (
            SELECT customer_id, last_purchase_at, purchase_count, total_spent,
                   ntile(5) OVER (ORDER BY last_purchase_at, customer_id) AS r_tile,
                   ntile(5) OVER (ORDER BY purchase_count, customer_id) AS f_tile,
                   ntile(5) OVER (ORDER BY total_spent, customer_id) AS m_tile
            FROM customer_metrics
            WHERE tenant_id = '11111111-1111-1111-1111-111111111111'::uuid AND purchase_count > 0
        ), scored AS (
            SELECT customer_id,
                   min(r_tile) OVER (PARTITION BY last_purchase_at)::smallint AS r,
                   min(f_tile) OVER (PARTITION BY purchase_count)::smallint AS f,
                   min(m_tile) OVER (PARTITION BY total_spent)::smallint AS m
            FROM ranked
        ), target AS (
            SELECT all_rows.customer_id, scored.r, scored.f, scored.m,
                   CASE WHEN scored.customer_id IS NULL THEN 'None'
                        WHEN scored.r + scored.f + scored.m >= 13 THEN 'Top'
                        WHEN scored.r + scored.f + scored.m >= 10 THEN 'High'
                        WHEN scored.r + scored.f + scored.m >= 7 THEN 'Medium'
                        ELSE 'Low' END AS tier
            FROM customer_metrics all_rows
            LEFT JOIN scored ON scored.customer_id = all_rows.customer_id
            WHERE all_rows.tenant_id = '11111111-1111-1111-1111-111111111111'::uuid
        )
        UPDATE customer_metrics AS metrics
        SET recency_score = target.r,
            frequency_score = target.f,
            monetary_score = target.m,
            rfm_cell = CASE WHEN target.r IS NULL THEN NULL ELSE concat(target.r, target.f, target.m) END,
            value_tier = target.tier,
            scored_at = now()
        FROM target
        WHERE metrics.tenant_id = '11111111-1111-1111-1111-111111111111'::uuid
          AND metrics.customer_id = target.customer_id
          AND (metrics.recency_score IS DISTINCT FROM target.r
               OR metrics.frequency_score IS DISTINCT FROM target.f
               OR metrics.monetary_score IS DISTINCT FROM target.m
               OR metrics.value_tier IS DISTINCT FROM target.tier)
        ;
\set t '\'11111111-1111-1111-1111-111111111111\'::uuid'
SELECT count(*) FROM customers c WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased';
SELECT count(*) FROM customers c WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND c.status = 'Active';
SELECT count(*) FROM customers c WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND c.tags && ARRAY['tag3'];
SELECT count(*) FROM customers c WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND c.home_branch = ANY(ARRAY['BR-1','BR-2']);
SELECT count(*) FROM customers c WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND c.consent @> '{"Email":{"granted":true}}';
SELECT count(*) FROM customers c WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND c.registered_at >= now() - interval '30 days';
SELECT count(*) FROM customers c LEFT JOIN customer_metrics m ON m.tenant_id = c.tenant_id AND m.customer_id = c.id
 WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND m.value_tier = ANY(ARRAY['Top']);
SELECT count(*) FROM customers c LEFT JOIN customer_metrics m ON m.tenant_id = c.tenant_id AND m.customer_id = c.id
 WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND m.total_spent >= 4000;
SELECT count(*) FROM customers c LEFT JOIN customer_metrics m ON m.tenant_id = c.tenant_id AND m.customer_id = c.id
 WHERE c.tenant_id = :t AND c.archived_at IS NULL AND c.status <> 'Erased' AND coalesce(m.purchase_count, 0) = 0;
