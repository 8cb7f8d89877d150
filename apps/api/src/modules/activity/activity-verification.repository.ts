import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { ActivityVerifyResponse } from '@keydesk/domain';

interface VerificationRow {
  ok: number | boolean;
  checked: string | number;
  first_broken_seq: string | number | null;
  first_broken_id: string | null;
  checkpoint_seq: string | number | null;
  checkpoint_at: string | number | null;
  verified_at: string | number;
}

/** The results of walks of the chain, so a screen shows the last one without walking ten million rows again. */
@Injectable()
export class ActivityVerificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(result: ActivityVerifyResponse): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO audit_verifications (ok, checked, first_broken_seq, first_broken_id, checkpoint_seq, checkpoint_at, verified_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        result.ok ? 1 : 0,
        result.checked,
        result.firstBroken?.seq ?? null,
        result.firstBroken?.id ?? null,
        result.checkpoint?.lastSeq ?? null,
        result.checkpoint ? new Date(result.checkpoint.archivedAt).getTime() : null,
        new Date(result.verifiedAt).getTime(),
      ],
    );
  }

  async latest(): Promise<ActivityVerifyResponse | null> {
    const [row] = (await this.dataSource.query(
      'SELECT * FROM audit_verifications ORDER BY id DESC LIMIT 1',
    )) as VerificationRow[];
    if (!row) return null;
    return {
      ok: Boolean(Number(row.ok)),
      checked: Number(row.checked),
      firstBroken:
        row.first_broken_seq === null ? null : { seq: Number(row.first_broken_seq), id: row.first_broken_id },
      checkpoint:
        row.checkpoint_seq === null
          ? null
          : { lastSeq: Number(row.checkpoint_seq), archivedAt: new Date(Number(row.checkpoint_at)).toISOString() },
      verifiedAt: new Date(Number(row.verified_at)).toISOString(),
    };
  }
}
