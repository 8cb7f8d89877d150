// The audit chain's HMAC key of the benchmark database. seed:large seals the trail it writes with
// it and bench starts the api with it, so the seeded trail verifies (GET /api/activity/verify).
// A fixed default, not a secret: keydesk_large holds made-up data only. Set AUDIT_HMAC_KEY (hex or
// base64, at least 32 bytes, as for the api) to both commands to use another.
import { createHash } from 'node:crypto';

export const BENCH_AUDIT_HMAC_KEY = createHash('sha256').update('keydesk seed:large audit trail').digest('hex');

export const AUDIT_HMAC_KEY = process.env.AUDIT_HMAC_KEY || BENCH_AUDIT_HMAC_KEY;
