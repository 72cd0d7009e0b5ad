import fc from 'fast-check';
import {
  ID_NUMBER_MESSAGES,
  ID_PROVINCE_CODES,
  idCheckChar,
  idNumberProblem,
  maskIdNumber,
  maskName,
  maskUscc,
  USCC_CHARSET,
  USCC_ORG_TYPES,
  usccCheckChar,
  usccProblem,
} from '../../../functions/shared/domain/identifiers';

describe('resident ID number (GB 11643-1999)', () => {
  const NOW = new Date('2026-12-03T10:00:00Z');
  const withCheck = (first17: string) => first17 + idCheckChar(first17);

  it.each(['11010519491231002X', '410104198805123010', withCheck('44052419000101001'), withCheck('82000020000101001')])('accepts the valid number %s', (id) => {
    expect(idNumberProblem(id, NOW)).toBeNull();
  });

  it.each([
    ['41010419880512301', 'length'],
    ['4101041988051230100', 'length'],
    ['41010419880512301x', 'characters'],
    ['4101041988A512301X', 'characters'],
    ['410104198802303015', 'birthdate'],
    ['410104198813013015', 'birthdate'],
    ['410104198805003015', 'birthdate'],
    ['410104190002293015', 'birthdate'],
    ['410104198805123011', 'check'],
  ])('refuses %s (%s)', (id, problem) => {
    expect(idNumberProblem(id, NOW)).toBe(problem);
  });

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '83', '91', '99'])(
    'refuses the province code %s, whatever the check character',
    (province) => {
      const id = withCheck(`${province}010419880512301`);
      expect(idNumberProblem(id, NOW)).toBe('province');
      expect(ID_NUMBER_MESSAGES.province).toMatch(/省级行政区代码/);
    },
  );

  it('knows exactly the 34 province-level codes', () => {
    expect(ID_PROVINCE_CODES).toHaveLength(34);
    for (const code of ['11', '15', '21', '23', '31', '37', '41', '46', '50', '54', '61', '65', '71', '81', '82']) expect(ID_PROVINCE_CODES).toContain(code);
  });

  it('refuses a birth date before 1900 with its own message', () => {
    expect(idNumberProblem(withCheck('44052418991231001'), NOW)).toBe('born-before-1900');
    expect(idNumberProblem(withCheck('44052418800101001'), NOW)).toBe('born-before-1900');
    expect(ID_NUMBER_MESSAGES['born-before-1900']).toBe('身份证号码中的出生日期早于 1900 年，请核对');
  });

  it('refuses a birth date after today in China, and accepts one born today', () => {
    // 2026-12-03T17:00Z is already 4 December in China.
    const lateEvening = new Date('2026-12-03T17:00:00Z');
    expect(idNumberProblem(withCheck('41010420261204001'), lateEvening)).toBeNull();
    expect(idNumberProblem(withCheck('41010420261204001'), NOW)).toBe('born-in-future');
    expect(idNumberProblem(withCheck('41010420261203001'), NOW)).toBeNull();
    expect(idNumberProblem(withCheck('41010430000101001'), NOW)).toBe('born-in-future');
    expect(ID_NUMBER_MESSAGES['born-in-future']).toBe('身份证号码中的出生日期晚于今天，请核对');
  });

  it('gives every problem its own Chinese message', () => {
    const messages = Object.values(ID_NUMBER_MESSAGES);
    expect(new Set(messages).size).toBe(messages.length);
    for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fa5]/);
  });

  const body17 = fc
    .record({
      province: fc.constantFrom(...ID_PROVINCE_CODES),
      rest: fc.integer({ min: 0, max: 9999 }),
      date: fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
      seq: fc.integer({ min: 0, max: 999 }),
    })
    .map(({ province, rest, date, seq }) => `${province}${String(rest).padStart(4, '0')}${date.toISOString().slice(0, 10).replace(/-/g, '')}${String(seq).padStart(3, '0')}`);

  it('property: any body with its computed check character passes', () => {
    fc.assert(fc.property(body17, (b) => idNumberProblem(b + idCheckChar(b), NOW) === null));
  });

  it('property: changing the check character always fails', () => {
    fc.assert(
      fc.property(body17, fc.constantFrom(...'0123456789X'), (b, c) => {
        fc.pre(c !== idCheckChar(b));
        return idNumberProblem(b + c, NOW) === 'check';
      }),
    );
  });

  it('property: a province code outside the list always fails, whatever else is right', () => {
    const badProvince = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')).filter((p) => !ID_PROVINCE_CODES.includes(p));
    fc.assert(
      fc.property(body17, badProvince, (b, p) => {
        const body = p + b.slice(2);
        return idNumberProblem(body + idCheckChar(body), NOW) === 'province';
      }),
    );
  });
});

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['9144030071526726XG', '914403001922038216', '91330100716105852F', '91110000802100433B'])('accepts the registered code %s', (c) => {
    expect(usccProblem(c)).toBeNull();
  });

  it.each([
    ['9144030071526726X', 'length'],
    ['9144030071526726XGA', 'length'],
    ['9144030O71526726XG', 'forbidden'],
    ['9144030071526726XI', 'forbidden'],
    ['9144030071526726xg', 'characters'],
    ['9144030071526726XH', 'check'],
  ])('refuses %s (%s)', (c, problem) => {
    expect(usccProblem(c)).toBe(problem);
  });

  // Bodies GB 32100 can issue: an authority / organisation-type pair of the standard, a division code, any 9 characters.
  const body17 = fc
    .record({
      pair: fc.constantFrom(...Object.entries(USCC_ORG_TYPES).flatMap(([authority, types]) => types.map((type) => authority + type))),
      division: fc.oneof(fc.constant('100000'), fc.tuple(fc.constantFrom('11', '31', '41', '44', '65', '82'), fc.integer({ min: 0, max: 9999 })).map(([p, n]) => p + String(n).padStart(4, '0'))),
      rest: fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 9, maxLength: 9 }).map((a) => a.join('')),
    })
    .map(({ pair, division, rest }) => pair + division + rest);

  it('property: any valid body with its computed check character passes', () => {
    fc.assert(fc.property(body17, (b) => usccProblem(b + usccCheckChar(b)) === null));
  });

  it('property: changing any single character to another allowed one fails', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...USCC_CHARSET), (b, pos, ch) => {
        const code = b + usccCheckChar(b);
        fc.pre(code[pos] !== ch);
        const changed = code.slice(0, pos) + ch + code.slice(pos + 1);
        return usccProblem(changed) !== null;
      }),
    );
  });

  it('property: the five forbidden letters always fail', () => {
    fc.assert(
      fc.property(body17, fc.integer({ min: 0, max: 17 }), fc.constantFrom('I', 'O', 'S', 'V', 'Z'), (b, pos, ch) => {
        const code = b + usccCheckChar(b);
        return usccProblem(code.slice(0, pos) + ch + code.slice(pos + 1)) === 'forbidden';
      }),
    );
  });
});

describe('masking', () => {
  it.each([
    ['张伟', '张*'],
    ['李娜娜', '李**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳娜', '欧阳*'],
    ['司马懿', '司马*'],
    ['王', '王'],
  ])('masks the name %s as %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('masks an ID number to its first and last four characters', () => {
    expect(maskIdNumber('41010419880512301X')).toBe('4101**********301X');
  });

  it('masks a USCC to its region and last two characters', () => {
    expect(maskUscc('9144030071526726XG')).toBe('914403**********XG');
  });
});
