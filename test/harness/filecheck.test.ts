import { describe, expect, it } from 'vitest';
import { blessChecks, fileCheck, readChecks } from './filecheck.js';

const checks = (s: string) => readChecks(s);

describe('filecheck', () => {
  const out = 'a.cu:3:5: error: boom [KCC1]\n  x = y;\n    ^\n1 error generated.\n';
  it('matches in order and NEXT on the following line', () => {
    expect(fileCheck(out, checks('// CHECK: error: boom\n// CHECK-NEXT: x = y;\n// CHECK: 1 error'))).toBeUndefined();
  });
  it('fails when text is missing or out of order', () => {
    expect(fileCheck(out, checks('// CHECK: 1 error\n// CHECK: error: boom'))).toBeDefined();
    expect(fileCheck(out, checks('// CHECK: error: boom\n// CHECK-NEXT: 1 error'))).toBeDefined();
  });
  it('CHECK-NOT between matches', () => {
    expect(fileCheck(out, checks('// CHECK: boom\n// CHECK-NOT: warning\n// CHECK: generated'))).toBeUndefined();
    expect(fileCheck(out, checks('// CHECK: a.cu\n// CHECK-NOT: x = y\n// CHECK: generated'))).toBeDefined();
  });
  it('captures and regexes', () => {
    expect(fileCheck(out, checks('// CHECK: a.cu:[[L:[0-9]+]]:{{[0-9]+}}: error\n// CHECK: [[L]]'))).toBeDefined(); // "3" does not appear later
    expect(fileCheck('v1 = 3\nuse v1\n', checks('// CHECK: [[V:v[0-9]]] = 3\n// CHECK-NEXT: use [[V]]'))).toBeUndefined();
  });
  it('blessed checks match their own output exactly', () => {
    const text = 'x {{not a regex}} [[nor a var]]\n\n  indented\n';
    expect(fileCheck(text, checks(blessChecks(text).join('\n')))).toBeUndefined();
    expect(fileCheck('something else\n', checks(blessChecks(text).join('\n')))).toBeDefined();
  });
});
