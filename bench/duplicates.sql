-- Data currency at 200,000 customers in one business: a scratch-database measurement, not part of bench/run.sh.
--   dotnet ef migrations script --project src/Customers --no-build --configuration Debug -o /tmp/customers.sql
--   createdb currency_bench && psql -d currency_bench -f /tmp/customers.sql && psql -d currency_bench -f bench/duplicates.sql
-- Seeds 200k customers (1 % each sharing an e-mail, a phone, or a near-identical name at one postcode with an
-- earlier customer; ten customers a postcode) plus a 20k second business, then times the statements DuplicateSql,
-- FindDuplicates and UnverifiedCustomers run. Quote ratios, not absolutes (PERFORMANCE.md).
\timing on
\set tenant '11111111-1111-1111-1111-111111111111'
INSERT INTO customers (id, tenant_id, kind, display_name, emails, phones, address, tags, attributes, status, source, consent, registered_at, updated_at, verified_at)
SELECT gen_random_uuid(), :'tenant', 'Individual',
       (ARRAY['Ann','Bob','Cara','Dan','Eve','Finn','Gail','Hugo','Ida','Jon','Kate','Liam','Mia','Ned','Olga','Pete','Quin','Rosa','Sam','Tara'])[1 + abs(hashtext('f' || base)) % 20]
         || ' ' || (ARRAY['Smith','Jones','Brown','Taylor','Wilson','Davies','Evans','Thomas','Johnson','Roberts','Walker','Wright','Robinson','Thompson','White','Hughes','Edwards','Green','Hall','Wood'])[1 + abs(hashtext('l' || base)) % 20]
         || CASE WHEN i % 100 = 1 THEN 'e' ELSE '' END,
       ARRAY['c' || i || '@example.com'] || CASE WHEN i % 100 = 2 THEN ARRAY['c' || (i - 2) || '@example.com'] ELSE '{}' END,
       ARRAY['+4420' || lpad((CASE WHEN i % 100 = 3 THEN i - 3 ELSE i END)::text, 8, '0')],
       jsonb_build_object('line1', base || ' High St', 'city', 'Leeds', 'postalCode', 'ls' || (base % 20000) || ' ' || (base % 9) || 'aa', 'country', 'GB'),
       '{}', '{}', 'Active', 'WalkIn', '{}',
       now() - (i % 1000) * interval '1 day', now(), now() - (i % 1500) * interval '1 day'
FROM (SELECT i, CASE WHEN i % 100 = 1 THEN i - 1 ELSE i END AS base FROM generate_series(1, 200000) i) seeds;
INSERT INTO customers (id, tenant_id, kind, display_name, emails, phones, tags, attributes, status, source, consent, registered_at, updated_at, verified_at)
SELECT gen_random_uuid(), '22222222-2222-2222-2222-222222222222', 'Individual', 'Other ' || i, ARRAY['c' || i || '@example.com'], '{}', '{}', '{}',
       'Active', 'WalkIn', '{}', now(), now(), now()
FROM generate_series(1, 20000) i;
VACUUM ANALYZE;

-- 1. The whole business's candidate pairs (DuplicateSql.ForBusiness), as the scanner runs it.
\set scan 'WITH live AS MATERIALIZED (SELECT id, emails, phones, display_name, postcode_key FROM customers WHERE tenant_id = ' :'tenant' ' AND archived_at IS NULL), email_values AS (SELECT id, unnest(emails) AS value FROM live), shared_emails AS (SELECT value FROM email_values GROUP BY value HAVING count(*) BETWEEN 2 AND 50), phone_values AS (SELECT id, unnest(phones) AS value FROM live), shared_phones AS (SELECT value FROM phone_values GROUP BY value HAVING count(*) BETWEEN 2 AND 50), shared_postcodes AS (SELECT postcode_key FROM live WHERE postcode_key IS NOT NULL GROUP BY postcode_key HAVING count(*) >= 2), pairs AS (SELECT x.id AS a, y.id AS b FROM email_values x JOIN email_values y ON y.value = x.value AND x.id < y.id WHERE x.value IN (SELECT value FROM shared_emails) UNION SELECT x.id, y.id FROM phone_values x JOIN phone_values y ON y.value = x.value AND x.id < y.id WHERE x.value IN (SELECT value FROM shared_phones) UNION SELECT x.id, y.id FROM live x JOIN live y ON y.postcode_key = x.postcode_key AND x.id < y.id WHERE x.postcode_key IN (SELECT postcode_key FROM shared_postcodes) AND similarity(x.display_name, y.display_name) >= 0.6) SELECT p.a, p.b, a.emails && b.emails AS by_email, a.phones && b.phones AS by_phone, a.postcode_key = b.postcode_key AND similarity(a.display_name, b.display_name) >= 0.6 AS by_name, similarity(a.display_name, b.display_name) AS sim FROM pairs p JOIN live a ON a.id = p.a JOIN live b ON b.id = p.b'
SELECT count(*) AS pairs, count(*) FILTER (WHERE by_email) AS by_email, count(*) FILTER (WHERE by_phone) AS by_phone, count(*) FILTER (WHERE by_name) AS by_name FROM (:scan) found;
SELECT count(*) FROM (:scan) found;
-- Stored as the scanner stores them (the scores here are a stand-in; DuplicateScore computes them in the service).
INSERT INTO duplicate_candidates (tenant_id, customer_a, customer_b, score, reasons, found_at)
SELECT :'tenant', a, b, LEAST(1, CASE WHEN by_email THEN 0.9 ELSE 0 END + CASE WHEN by_phone THEN 0.8 ELSE 0 END + CASE WHEN by_name THEN 0.6 ELSE 0 END),
       ARRAY['Email'], now()
FROM (:scan) found;
ANALYZE duplicate_candidates;

-- 2. One customer's duplicates, live (DuplicateSql.ForCustomer), for a customer with a near-identical name (id 101's pair).
SELECT id AS probe_id FROM customers WHERE tenant_id = :'tenant' AND emails[1] = 'c102@example.com' \gset
\set one 'SELECT o.id, o.emails && me.emails, o.phones && me.phones, o.postcode_key = me.postcode_key AND similarity(o.display_name, me.display_name) >= 0.6 FROM customers me JOIN customers o ON o.tenant_id = me.tenant_id AND o.id <> me.id AND o.archived_at IS NULL AND (o.emails && me.emails OR o.phones && me.phones OR (o.postcode_key = me.postcode_key AND similarity(o.display_name, me.display_name) >= 0.6)) WHERE me.tenant_id = ' :'tenant' ' AND me.id = ' :'probe_id' ' AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.tenant_id = me.tenant_id AND d.customer_a = LEAST(me.id, o.id) AND d.customer_b = GREATEST(me.id, o.id)) LIMIT 100'
EXPLAIN (ANALYZE, COSTS OFF) :one;
:one;
:one;
:one;

-- 3. The first page of the business's list, and a page far down it (keyset), read from the stored pairs.
\set page 'SELECT c.score, c.customer_a, c.customer_b, a.display_name, b.display_name FROM duplicate_candidates c JOIN customers a ON a.tenant_id = c.tenant_id AND a.id = c.customer_a JOIN customers b ON b.tenant_id = c.tenant_id AND b.id = c.customer_b WHERE c.tenant_id = ' :'tenant' ' AND a.archived_at IS NULL AND b.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM duplicate_dismissals d WHERE d.tenant_id = c.tenant_id AND d.customer_a = c.customer_a AND d.customer_b = c.customer_b)'
EXPLAIN (ANALYZE, COSTS OFF) :page ORDER BY c.score DESC, c.customer_a DESC, c.customer_b DESC LIMIT 51;
SELECT score AS deep_score, customer_a AS deep_a, customer_b AS deep_b FROM duplicate_candidates WHERE tenant_id = :'tenant' ORDER BY score DESC, customer_a DESC, customer_b DESC OFFSET 4000 LIMIT 1 \gset
EXPLAIN (ANALYZE, COSTS OFF) :page AND (c.score, c.customer_a, c.customer_b) < (:deep_score, :'deep_a', :'deep_b') ORDER BY c.score DESC, c.customer_a DESC, c.customer_b DESC LIMIT 51;

-- 4. Not verified for 12 months: first page and a deep page (keyset on tenant_id, verified_at, id).
EXPLAIN (ANALYZE, COSTS OFF) SELECT id, display_name, verified_at FROM customers
WHERE tenant_id = :'tenant' AND archived_at IS NULL AND verified_at < now() - interval '12 months' ORDER BY verified_at, id LIMIT 51;
SELECT verified_at AS deep_at, id AS deep_id FROM customers WHERE tenant_id = :'tenant' AND verified_at < now() - interval '12 months' ORDER BY verified_at, id OFFSET 50000 LIMIT 1 \gset
EXPLAIN (ANALYZE, COSTS OFF) SELECT id, display_name, verified_at FROM customers
WHERE tenant_id = :'tenant' AND archived_at IS NULL AND verified_at < now() - interval '12 months' AND (verified_at, id) > (:'deep_at', :'deep_id')
ORDER BY verified_at, id LIMIT 51;

-- Baseline: a primary-key read of one customer, the ratio's denominator.
EXPLAIN (ANALYZE, COSTS OFF) SELECT * FROM customers WHERE id = :'probe_id';
