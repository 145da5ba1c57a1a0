import fc from "fast-check";
import { checkEmail, checkMobile, checkUscc, type Check } from "../../src/core/validators";

/** Both languages of the reason, so one assertion covers either. */
function reason(c: Check): string {
  return `${c.reason?.zh ?? ""} | ${c.reason?.en ?? ""}`;
}

function expectValid(c: Check): void {
  expect(c).toEqual({ valid: true });
}

function expectInvalid(c: Check, ...mentions: (string | RegExp)[]): void {
  expect(c.valid).toBe(false);
  expect(c.reason?.zh).toEqual(expect.any(String));
  expect(c.reason?.en).toEqual(expect.any(String));
  for (const m of mentions) expect(reason(c)).toMatch(m);
}

describe("checkMobile", () => {
  it.each(["13800138000", "19912345678", "15057512345", "  13800138000 \t"])("S3: %j is a mainland mobile number", (raw) => {
    expectValid(checkMobile(raw));
  });

  it("spaces are read as the sheets' formulas read them: NBSP, U+3000 and line breaks around the number are spaces, U+2003 is not", () => {
    expectValid(checkMobile("\u300013800138000\u00A0\r\n"));
    expect(checkMobile("13800138000\u2003").valid).toBe(false);
  });

  it("S3: a number typed into a General cell (13800138000) is read as its digits", () => {
    expectValid(checkMobile(13800138000));
  });

  it("S3: 1[3-9] prefix — 12812345678 is refused", () => {
    expectInvalid(checkMobile("12812345678"), "13–19", "starts with 12");
  });

  it("S3: a number not starting with 1 is refused, and the reason mentions landlines", () => {
    expectInvalid(checkMobile("05758812345"), "starts with 05", "landline");
  });

  it.each([
    ["1380013800", 10],
    ["138001380001", 12],
    ["138", 3],
  ])("S3: exactly 11 digits — %s has %i", (raw, n) => {
    expectInvalid(checkMobile(raw), `收到 ${n} 位`, `has ${n}`);
  });

  it("S3: spaces or hyphens inside are named and the compact number suggested", () => {
    expectInvalid(checkMobile("138-0013-8000"), "without spaces or hyphens", "13800138000");
    expectInvalid(checkMobile("138 0013 8000"), "13800138000");
  });

  it("S3: a +86 country code is named rather than counted as extra digits", () => {
    expectInvalid(checkMobile("+86 13800138000"), "+86", /: 13800138000$/);
    expectInvalid(checkMobile("8613800138000"), "+86");
  });

  it("S3: full-width digits from a Chinese IME are named with the half-width fix", () => {
    expectInvalid(checkMobile("１３８００１３８０００"), "full-width", "13800138000");
  });

  it("S3: a non-digit character is named with its position", () => {
    expectInvalid(checkMobile("1380013800a"), 'character 11 ("a")', "第 11 个字符“a”");
  });

  it.each([undefined, null, "", "   "])("S3: blank (%j) is invalid with a blank reason", (raw) => {
    expectInvalid(checkMobile(raw), "blank", "为空");
  });

  it("S3: a fractional or negative number is not a phone number", () => {
    expectInvalid(checkMobile(13800138000.5), "11 digits");
    expectInvalid(checkMobile(-13800138000), "11 digits");
    expectInvalid(checkMobile(true), "boolean");
  });

  it("S3 property: every 1[3-9]xxxxxxxxx string and number is valid", () => {
    const mobile = fc
      .tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 }))
      .map(([second, rest]) => `1${second}${String(rest).padStart(9, "0")}`);
    fc.assert(
      fc.property(mobile, (m) => {
        expect(checkMobile(m).valid).toBe(true);
        expect(checkMobile(Number(m)).valid).toBe(true);
      }),
    );
  });

  it("S3 property: a digit string of any other length is refused with its length", () => {
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 20 }).filter((s) => s.length !== 11);
    fc.assert(
      fc.property(digits, (s) => {
        const c = checkMobile(s);
        expect(c.valid).toBe(false);
        if (!/^(?:86|0086)1\d{10}$/.test(s)) expect(c.reason?.en).toContain(`has ${s.length}`);
      }),
    );
  });
});

/** Straightforward GB 32100-2015 check character, independent of src/core/validators.ts. */
function referenceCheckChar(body: string): string {
  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  let sum = 0;
  let weight = 1;
  for (const c of body) {
    sum += alphabet.indexOf(c) * weight;
    weight = (weight * 3) % 31;
  }
  return alphabet[(31 - (sum % 31)) % 31];
}

const USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const usccBody = fc.string({ unit: fc.constantFrom(...USCC_ALPHABET), minLength: 17, maxLength: 17 });

describe("checkUscc", () => {
  it.each([
    ["91350100M000100Y43", "the example commonly cited for GB 32100-2015"],
    ["914403001922038216", "华为技术有限公司, as published"],
    ["91110108551385082Q", "北京小米科技有限责任公司, as published"],
    ["91440300192317458F", "比亚迪股份有限公司, as published"],
    ["91330100716105852F", "阿里巴巴（中国）有限公司, as published"],
  ])("GB 32100-2015: known-good code %s (%s) is valid", (code) => {
    expectValid(checkUscc(code));
    expect(referenceCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it("GB 32100-2015: the weights are 3^i mod 31", () => {
    const weights = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
    expect(weights).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it("GB 32100-2015: surrounding white space is ignored", () => {
    expectValid(checkUscc("  91350100M000100Y43\n"));
  });

  it("GB 32100-2015: a wrong check character names the expected one", () => {
    expectInvalid(checkUscc("91350100M000100Y44"), 'should be "3"', "应为“3”");
  });

  it.each([
    ["91350100M000100Y4", 17],
    ["91350100M000100Y433", 19],
    ["9135", 4],
  ])("GB 32100-2015: 18 characters — %s has %i", (code, n) => {
    expectInvalid(checkUscc(code), `this one has ${n}`, `收到 ${n} 位`);
  });

  it("GB 32100-2015: the letters I, O, Z, S, V are illegal, named with their position", () => {
    expectInvalid(checkUscc("91350100M000100O43"), 'character 16 ("O")', "I, O, Z, S, V", "第 16 个字符“O”");
    expectInvalid(checkUscc("9135010OM000100Y43"), 'character 8 ("O")');
  });

  it("GB 32100-2015: punctuation, spaces and full-width characters are illegal, named with their position", () => {
    expectInvalid(checkUscc("91350100-000100Y43"), 'character 9 ("-")');
    expectInvalid(checkUscc("91350100 000100Y43"), 'character 9 (" ")');
    expectInvalid(checkUscc("91350100Ｍ000100Y43"), 'character 9 ("Ｍ")', 'half-width "M"');
  });

  it("GB 32100-2015: lower-case letters are refused with the upper-case code to use", () => {
    expectInvalid(checkUscc("91350100m000100y43"), "upper case", "91350100M000100Y43");
  });

  it("GB 32100-2015: a lower-case letter that is illegal in upper case too is named as illegal", () => {
    expectInvalid(checkUscc("91350100M000100o43"), 'character 16 ("o")');
  });

  it("GB 32100-2015: a code Excel stored as a number is refused with the Text-format fix", () => {
    // What Excel keeps of 914403001922038216 typed into a General cell: a rounded number.
    expectInvalid(checkUscc(Number("914403001922038216")), "format the cell as Text");
  });

  it.each([undefined, null, "", " "])("GB 32100-2015: blank (%j) is invalid with a blank reason", (raw) => {
    expectInvalid(checkUscc(raw), "blank", "为空");
  });

  it("GB 32100-2015 property: the computed check character makes any valid body valid, any other makes it invalid", () => {
    fc.assert(
      fc.property(usccBody, fc.constantFrom(...USCC_ALPHABET), (body, last) => {
        const check = referenceCheckChar(body);
        expect(checkUscc(body + check).valid).toBe(true);
        if (last !== check) expectInvalid(checkUscc(body + last), `should be "${check}"`);
      }),
    );
  });

  it("GB 32100-2015 property: any single mistyped character of a valid code is detected", () => {
    fc.assert(
      fc.property(usccBody, fc.integer({ min: 0, max: 16 }), fc.constantFrom(...USCC_ALPHABET), (body, at, replacement) => {
        fc.pre(body[at] !== replacement);
        const typo = body.slice(0, at) + replacement + body.slice(at + 1) + referenceCheckChar(body);
        expect(checkUscc(typo).valid).toBe(false);
      }),
    );
  });
});

describe("checkEmail", () => {
  it.each(["zhang.san@example.com", "li_si+gx@163.com", "wang@mail.sxjx.gov.cn", "a@b.cn", "u@example.xn--fiqs8s", " x@qq.com "])("S1: %j is an e-mail address", (raw) => {
    expectValid(checkEmail(raw));
  });

  it("S1: a full-width ＠ from a Chinese IME gets its own reason", () => {
    expectInvalid(checkEmail("zhangsan＠163.com"), '"＠"', "half-width");
  });

  it("S1: trailing Chinese punctuation is named", () => {
    expectInvalid(checkEmail("zhangsan@163.com。"), '"。"', "末尾");
    expectInvalid(checkEmail("zhangsan@163.com；"), '"；"');
  });

  it("S1: a full-width dot inside the domain is named with the half-width fix", () => {
    expectInvalid(checkEmail("zhangsan@163．com"), 'character 13 ("．")', 'half-width "."');
    expectInvalid(checkEmail("zhangsan@163。com"), 'half-width "."');
  });

  it("S1: two addresses in one cell are refused as such", () => {
    expectInvalid(checkEmail("a@163.com；b@qq.com"), "one e-mail address per cell");
    expectInvalid(checkEmail("a@163.com,b@qq.com"), 'has 2 "@"');
  });

  it("S1: a missing @ is named", () => {
    expectInvalid(checkEmail("zhangsan.163.com"), 'no "@"');
  });

  it("S1: spaces inside are refused", () => {
    expectInvalid(checkEmail("zhang san@163.com"), "no spaces");
  });

  it("S1: Chinese characters are named", () => {
    expectInvalid(checkEmail("张三@163.com"), 'character 1 ("张")');
  });

  it.each([
    ["@163.com", "nothing before"],
    ["zhangsan@", "no domain"],
    ["zhangsan@localhost", 'no "."'],
    ["zhang..san@163.com", '".."'],
    [".zhang@163.com", 'start or end with "."'],
    ["zhang(san)@163.com", 'cannot contain "("'],
    ["zhang@163..com", '".."'],
    ["zhang@.163.com", 'start or end with "."'],
    ["zhang@-mail.163.com", 'cannot start or end with "-"'],
    ["zhang@mail_1.com", 'cannot contain "_"'],
    ["zhang@163.c", "top-level domain"],
    ["zhang@10.0.0.1", "top-level domain"],
  ])("S1: %j is refused (%s)", (raw, mention) => {
    expectInvalid(checkEmail(raw), mention);
  });

  it.each([undefined, null, "", "  "])("S1: blank (%j) is invalid with a blank reason", (raw) => {
    expectInvalid(checkEmail(raw), "blank", "为空");
  });

  it("S1: a number is not an address", () => {
    expectInvalid(checkEmail(12345), "number");
  });
});

describe("validators never throw", () => {
  it("property: any input gives a Check with a bilingual reason when invalid", () => {
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        for (const check of [checkMobile, checkUscc, checkEmail]) {
          const c = check(raw);
          expect(typeof c.valid).toBe("boolean");
          if (!c.valid) expect(c.reason?.zh && c.reason.en).toBeTruthy();
        }
      }),
    );
  });

  it("property: any string gives a Check", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (raw) => {
        for (const check of [checkMobile, checkUscc, checkEmail]) expect(typeof check(raw).valid).toBe("boolean");
      }),
    );
  });
});
