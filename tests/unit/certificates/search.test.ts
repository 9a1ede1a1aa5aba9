import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { insertCertificate, searchCertificates } from '../../../db/certificates';
import { insertUser } from '../../../db/users';

describe('finding certificates', () => {
  it('matches number, name or email, treats % and _ literally, newest first', () => {
    const { db } = openDatabase(':memory:');
    const people = [
      { id: 'u1', email: 'ann@example.org', name: 'Ann 100% Sure' },
      { id: 'u2', email: 'bob_x@example.org', name: 'Bob Smith' },
      { id: 'u3', email: 'bobyx@example.org', name: 'Cara Jones' },
    ];
    people.forEach((p, i) => {
      insertUser(db, { ...p, passwordHash: 'x', profession: 'nurse' });
      insertCertificate(db, {
        number: `NUMBER${i}AAAAAAAAA`, userId: p.id, courseSlug: 'best', learnerName: p.name, courseTitle: 'T', provider: 'P',
        cpdHours: 12, approvalStatement: 'S', outcomes: '[]', leadEducator: '{"role":"Lead"}',
        completedAt: new Date(2026, 0, i + 1), issuedAt: new Date(2026, 0, i + 1), revokedAt: null, revokedReason: null,
      });
    });
    const names = (text: string) => searchCertificates(db, text).map((r) => r.certificate.learnerName);
    expect(names('%')).toEqual(['Ann 100% Sure']);
    expect(names('bob_')).toEqual(['Bob Smith']);
    expect(names('NUMBER')).toEqual(['Cara Jones', 'Bob Smith', 'Ann 100% Sure']);
    expect(names('cara')).toEqual(['Cara Jones']);
  });
});
