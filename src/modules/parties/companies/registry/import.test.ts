import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runKabinetCommand } from '../../../../../test/support/process.ts';
import { openDatabase } from '../../../../platform/db/database.ts';
import { parseRegistryCsv } from './import.ts';

// A fresh embedded data directory runs initdb first (several seconds).
vi.setConfig({ testTimeout: 180_000 });

const HEADER = 'inn,kpp,kind,name,short_name,ogrn,legal_address,head_name,head_title,liquidated';
const SBERBANK = '7707083893,773601001,legal_entity,"ПАО ""СБЕРБАНК РОССИИ""",ПАО СБЕРБАНК,1027700132195,"г Москва, ул Вавилова, д 19",Греф Герман Оскарович,Президент,false';
const YANDEX = '7736207543,770401001,legal_entity,"ООО ""ЯНДЕКС""",,1027700229193,"г Москва, ул Льва Толстого, д 16",Савиновский Артём Геннадьевич,Генеральный директор,';
const SOLE_PROPRIETOR = '500100732259,,sole_proprietor,Индивидуальный предприниматель Иванов Иван Иванович,ИП Иванов И. И.,304500116000157,Московская обл,Иванов Иван Иванович,,нет';

describe('parseRegistryCsv', () => {
  it('reads valid rows, quoted fields with commas included', () => {
    const { parties, invalid, rows } = parseRegistryCsv([HEADER, SBERBANK, YANDEX, SOLE_PROPRIETOR].join('\n'));
    expect(invalid).toEqual([]);
    expect(rows).toBe(3);
    expect(parties[0]).toEqual({
      kind: 'legal_entity',
      inn: '7707083893',
      kpp: '773601001',
      ogrn: '1027700132195',
      name: 'ПАО "СБЕРБАНК РОССИИ"',
      shortName: 'ПАО СБЕРБАНК',
      legalAddress: 'г Москва, ул Вавилова, д 19',
      headName: 'Греф Герман Оскарович',
      headTitle: 'Президент',
      liquidated: false,
    });
    expect(parties[2]).toMatchObject({ kind: 'sole_proprietor', kpp: null, ogrn: '304500116000157', headTitle: null, liquidated: false });
  });

  it('reports each invalid row with its line and reason, and keeps the rest', () => {
    const content = [
      HEADER,
      SBERBANK,
      '7707083894,773601001,legal_entity,Опечатка в ИНН,,,,,,', // 3
      '7736207543,,legal_entity,Без КПП,,,,,,', // 4
      '7736207543,770401001,company,Неизвестный вид,,,,,,', // 5
      '7736207543,770401001,legal_entity,Неверный ОГРН,,1027700229194,,,,', // 6
      '500100732259,,sole_proprietor,,,,,,,', // 7: no name
      SBERBANK, // 8: repeats line 2
      '7736207543,770401001,legal_entity,Ликвидирована?,,,,,,может быть', // 9
      '',
      YANDEX, // 11
    ].join('\r\n');
    const { parties, invalid, rows } = parseRegistryCsv(content);
    expect(rows).toBe(9);
    expect(parties.map((party) => party.inn)).toEqual(['7707083893', '7736207543']);
    expect(invalid.map((row) => row.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(invalid[0]!.reason).toMatch(/check digit/);
    expect(invalid[1]!.reason).toMatch(/kpp is required/);
    expect(invalid[2]!.reason).toMatch(/kind must be/);
    expect(invalid[3]!.reason).toMatch(/ogrn 1027700229194: wrong check digit/);
    expect(invalid[4]!.reason).toMatch(/name is required/);
    expect(invalid[5]!.reason).toMatch(/repeats line 2/);
    expect(invalid[6]!.reason).toMatch(/liquidated must be/);
  });

  it('reads semicolon-separated files as spreadsheets save them, with a BOM', () => {
    const content = `\uFEFF${HEADER.replaceAll(',', ';')}\n7707083893;773601001;legal_entity;ПАО Сбербанк, Москва;;;;;;true\n`;
    const { parties, invalid } = parseRegistryCsv(content);
    expect(invalid).toEqual([]);
    expect(parties[0]).toMatchObject({ name: 'ПАО Сбербанк, Москва', liquidated: true });
  });

  it('refuses a file without the needed columns', () => {
    expect(() => parseRegistryCsv('inn,name\n7707083893,Сбербанк')).toThrow(/kind/);
    expect(() => parseRegistryCsv('inn,kind,name,founded\n')).toThrow(/unknown column/);
    expect(() => parseRegistryCsv('')).toThrow(/empty/);
  });
});

describe('kabinet import registry', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'kabinet-registry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = { KABINET_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: undefined, LOG_LEVEL: 'warn' };

  const kabinet = (args: string[]) => runKabinetCommand(args, env);

  it('loads valid rows, lists invalid ones with their lines, fails the exit code; a replay changes nothing', async () => {
    const file = path.join(dir, 'registry.csv');
    writeFileSync(file, [HEADER, SBERBANK, '7707083894,773601001,legal_entity,Опечатка,,,,,,', YANDEX, SOLE_PROPRIETOR].join('\n'));

    const first = await kabinet(['import', 'registry', file]);
    expect(first.code, first.output).toBe(1);
    expect(first.output).toContain('line 3: inn 7707083894: wrong check digit');
    expect(first.stdout).toContain('Registry: 4 rows read; 3 added, 0 updated, 0 unchanged, 1 invalid.');

    const replay = await kabinet(['import', 'registry', file]);
    expect(replay.stdout, replay.output).toContain('Registry: 4 rows read; 0 added, 0 updated, 3 unchanged, 1 invalid.');

    writeFileSync(file, [HEADER, SBERBANK.replace('Греф Герман Оскарович', 'Новый Председатель'), YANDEX].join('\n'));
    const corrected = await kabinet(['import', 'registry', file]);
    expect(corrected.code, corrected.output).toBe(0);
    expect(corrected.stdout).toContain('Registry: 2 rows read; 0 added, 1 updated, 1 unchanged, 0 invalid.');

    const database = await openDatabase({ dataDir: env.KABINET_DATA_DIR });
    try {
      const rows = await database.db.selectFrom('party_registry_entry').select(['inn', 'kpp', 'kind', 'head_name', 'liquidated']).orderBy('inn').execute();
      expect(rows).toEqual([
        { inn: '500100732259', kpp: '', kind: 'sole_proprietor', head_name: 'Иванов Иван Иванович', liquidated: false },
        { inn: '7707083893', kpp: '773601001', kind: 'legal_entity', head_name: 'Новый Председатель', liquidated: false },
        { inn: '7736207543', kpp: '770401001', kind: 'legal_entity', head_name: 'Савиновский Артём Геннадьевич', liquidated: false },
      ]);
    } finally {
      await database.close();
    }
  });

  it('answers usage errors with 2 and an unreadable or broken file with 1', async () => {
    expect((await kabinet(['import', 'registry'])).code).toBe(2);
    expect((await kabinet(['import', 'nonsense', 'x.csv'])).code).toBe(2);
    const missing = await kabinet(['import', 'registry', path.join(dir, 'missing.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('Cannot read');
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'inn,name\n7707083893,Сбербанк\n');
    const refused = await kabinet(['import', 'registry', broken]);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('Nothing was loaded');
  });
});
