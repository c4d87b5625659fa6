/**
 * Explicitly rounded conversions (`__float2int_rn` …) and bit reinterpretations
 * (`__float_as_int` …) of the CUDA device library. Rounding suffixes: rn (nearest even),
 * rz (toward zero), ru (up), rd (down). `lowersTo` names the conversion and its rounding.
 */
import type { BuiltinEntry } from './table.js';

const R = ['rn', 'rz', 'ru', 'rd'];

/** short name in CUDA's spelling → C type */
const NAMES: Readonly<Record<string, string>> = {
  float: 'float', double: 'double', int: 'int', uint: 'unsigned int', ll: 'long long', ull: 'unsigned long long',
};

function conv(from: string, to: string, roundings = R): BuiltinEntry[] {
  return roundings.map((r) => ({
    name: `__${from}2${to}_${r}`, sigs: [`${NAMES[to]}(${NAMES[from]})`], space: 'device', category: 'conversion', lowersTo: `convert.${r}`,
  }));
}

function bitcast(name: string, sig: string): BuiltinEntry {
  return { name, sigs: [sig], space: 'device', category: 'bit-cast', lowersTo: 'bitcast' };
}

export const CONVERSIONS: readonly BuiltinEntry[] = [
  ...['int', 'uint', 'll', 'ull'].flatMap((t) => [...conv('float', t), ...conv('double', t), ...conv(t, 'float'), ...conv(t, 'double', ['rn'])]),
  ...conv('double', 'float'),
  bitcast('__float_as_int', 'int(float)'),
  bitcast('__int_as_float', 'float(int)'),
  bitcast('__float_as_uint', 'unsigned int(float)'),
  bitcast('__uint_as_float', 'float(unsigned int)'),
  bitcast('__double_as_longlong', 'long long(double)'),
  bitcast('__longlong_as_double', 'double(long long)'),
  { name: '__double2hiint', sigs: ['int(double)'], space: 'device', category: 'bit-cast', lowersTo: 'bitcast.hi32' },
  { name: '__double2loint', sigs: ['int(double)'], space: 'device', category: 'bit-cast', lowersTo: 'bitcast.lo32' },
  { name: '__hiloint2double', sigs: ['double(int, int)'], space: 'device', category: 'bit-cast', lowersTo: 'bitcast.hilo' },
];
