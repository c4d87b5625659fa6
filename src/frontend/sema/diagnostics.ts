/**
 * Semantic analysis diagnostics (KCC3001–KCC3999). Messages follow clang's wording where
 * clang has the same diagnostic, so users recognise them; CUDA-specific ones follow clang's
 * CUDA mode. Codes are stable: a retired message keeps its number.
 */
import { type DiagnosticTable, registerDiagnostics } from '../../support/diagnostics/index.js';

export const semaDiagnostics = {
  // names and lookup
  undeclared: { code: 'KCC3001', severity: 'error', message: "use of undeclared identifier '{name}'" },
  unknownType: { code: 'KCC3002', severity: 'error', message: "unknown type name '{name}'" },
  noMember: { code: 'KCC3003', severity: 'error', message: "no member named '{member}' in '{type}'" },
  noMatchingFunction: { code: 'KCC3004', severity: 'error', message: "no matching function for call to '{name}'" },
  ambiguousCall: { code: 'KCC3005', severity: 'error', message: "call to '{name}' is ambiguous" },
  setAsideUse: { code: 'KCC3027', severity: 'error', message: "use of '{name}', which is declared in host code that kcc set aside" },
  notAType: { code: 'KCC3062', severity: 'error', message: "'{name}' does not name a type" },
  noMemberInNamespace: { code: 'KCC3108', severity: 'error', message: "no member named '{name}' in namespace '{ns}'" },
  notAScope: { code: 'KCC3109', severity: 'error', message: "'{name}' is not a class, namespace, or enumeration" },
  notAValue: { code: 'KCC3110', severity: 'error', message: "'{name}' does not refer to a value" },
  redefinition: { code: 'KCC3031', severity: 'error', message: "redefinition of '{name}'" },
  conflictingTypes: { code: 'KCC3088', severity: 'error', message: "conflicting types for '{name}'" },

  // assignment, initialisation, conversions
  assignConst: { code: 'KCC3006', severity: 'error', message: "cannot assign to variable '{name}' with const-qualified type '{type}'" },
  assignReadOnly: { code: 'KCC3111', severity: 'error', message: "read-only variable is not assignable (type '{type}')" },
  dynamicInit: { code: 'KCC3117', severity: 'error', message: "dynamic initialization is not supported for {what} variables ('{name}')" },
  notAssignable: { code: 'KCC3007', severity: 'error', message: 'expression is not assignable' },
  initIncompatible: { code: 'KCC3008', severity: 'error', message: "cannot initialize a variable of type '{to}' with an {category} of type '{from}'" },
  assignIncompatible: { code: 'KCC3009', severity: 'error', message: "assigning to '{to}' from incompatible type '{from}'" },
  returnIncompatible: { code: 'KCC3010', severity: 'error', message: "cannot initialize return object of type '{to}' with an {category} of type '{from}'" },
  castInvalid: { code: 'KCC3064', severity: 'error', message: "cannot cast from type '{from}' to '{to}'" },
  refDropsConst: { code: 'KCC3071', severity: 'error', message: "binding reference of type '{to}' to value of type '{from}' drops 'const' qualifier" },
  refToTemporary: { code: 'KCC3072', severity: 'error', message: "non-const lvalue reference to type '{to}' cannot bind to a temporary of type '{from}'" },
  narrowing: { code: 'KCC3059', severity: 'error', message: "non-constant-expression cannot be narrowed from type '{from}' to '{to}' in initializer list" },
  excessElements: { code: 'KCC3060', severity: 'error', message: 'excess elements in {what} initializer' },
  noField: { code: 'KCC3061', severity: 'error', message: "field designator '{name}' does not refer to any field in type '{type}'" },
  arrayInitNeedsList: { code: 'KCC3092', severity: 'error', message: 'array initializer must be an initializer list' },
  constUninit: { code: 'KCC3091', severity: 'error', message: "default initialization of an object of const type '{type}'" },
  autoNeedsInit: { code: 'KCC3116', severity: 'error', message: "declaration of variable '{name}' with deduced type 'auto' requires an initializer" },
  incrementInvalid: { code: 'KCC3065', severity: 'error', message: "cannot {what} value of type '{type}'" },

  // expressions
  invalidOperands: { code: 'KCC3011', severity: 'error', message: "invalid operands to binary expression ('{left}' and '{right}')" },
  invalidUnary: { code: 'KCC3012', severity: 'error', message: "invalid argument type '{type}' to unary expression" },
  notCallable: { code: 'KCC3032', severity: 'error', message: "called object type '{type}' is not a function or function pointer" },
  tooFewArgs: { code: 'KCC3033', severity: 'error', message: 'too few arguments to function call, expected {expected}, have {given}' },
  tooManyArgs: { code: 'KCC3034', severity: 'error', message: 'too many arguments to function call, expected {expected}, have {given}' },
  notSubscriptable: { code: 'KCC3035', severity: 'error', message: 'subscripted value is not an array, pointer, or vector' },
  badIndirection: { code: 'KCC3036', severity: 'error', message: "indirection requires pointer operand ('{type}' invalid)" },
  addressOfRvalue: { code: 'KCC3037', severity: 'error', message: "cannot take the address of an rvalue of type '{type}'" },
  memberOfNonRecord: { code: 'KCC3038', severity: 'error', message: "member reference base type '{type}' is not a structure or union" },
  arrowOnNonPointer: { code: 'KCC3039', severity: 'error', message: "member reference type '{type}' is not a pointer; did you mean to use '.'?" },
  voidValue: { code: 'KCC3040', severity: 'error', message: 'void value is not ignored as it ought to be' },
  incompleteType: { code: 'KCC3041', severity: 'error', message: "variable has incomplete type '{type}'" },
  voidPointerArith: { code: 'KCC3076', severity: 'error', message: "arithmetic on a pointer to void ('{type}')" },
  distinctPointers: { code: 'KCC3077', severity: 'error', message: "comparison of distinct pointer types ('{left}' and '{right}')" },
  conditionalIncompatible: { code: 'KCC3078', severity: 'error', message: "incompatible operand types ('{left}' and '{right}')" },
  notBool: { code: 'KCC3080', severity: 'error', message: "value of type '{type}' is not contextually convertible to 'bool'" },
  sizeofIncomplete: { code: 'KCC3087', severity: 'error', message: "invalid application of '{op}' to an incomplete type '{type}'" },
  methodNotCalled: { code: 'KCC3089', severity: 'error', message: 'reference to non-static member function must be called' },
  thisOutsideMethod: { code: 'KCC3075', severity: 'error', message: "invalid use of 'this' outside of a non-static member function" },

  // statements
  returnMissingValue: { code: 'KCC3042', severity: 'error', message: "non-void function '{name}' should return a value" },
  returnVoidValue: { code: 'KCC3043', severity: 'error', message: "void function '{name}' should not return a value" },
  breakOutside: { code: 'KCC3044', severity: 'error', message: "'break' statement not in loop or switch statement" },
  continueOutside: { code: 'KCC3045', severity: 'error', message: "'continue' statement not in loop statement" },
  duplicateCase: { code: 'KCC3046', severity: 'error', message: "duplicate case value '{value}'" },
  caseOutsideSwitch: { code: 'KCC3047', severity: 'error', message: "'{what}' statement not in switch statement" },
  switchNotInteger: { code: 'KCC3079', severity: 'error', message: "statement requires expression of integer type ('{type}' invalid)" },
  rangeForUnsupported: { code: 'KCC3112', severity: 'error', message: "range-based for over '{type}' is not supported (only arrays)" },

  // constants and templates
  notConstant: { code: 'KCC3028', severity: 'error', message: '{what} is not an integral constant expression' },
  staticAssertFailed: { code: 'KCC3029', severity: 'error', message: 'static assertion failed{message}' },
  arraySizeInvalid: { code: 'KCC3030', severity: 'error', message: "array size must be positive (is {size})" },
  divisionByZero: { code: 'KCC3066', severity: 'error', message: 'division by zero in constant expression' },
  templateArgCount: { code: 'KCC3049', severity: 'error', message: "too {many} template arguments for '{name}'" },
  notATemplate: { code: 'KCC3050', severity: 'error', message: "'{name}' is not a template" },
  instantiationDepth: { code: 'KCC3051', severity: 'error', message: 'recursive template instantiation exceeded maximum depth of {depth}' },
  templateArgInvalid: { code: 'KCC3113', severity: 'error', message: "invalid template argument for '{param}': {reason}" },
  cannotDeduce: { code: 'KCC3114', severity: 'error', message: "cannot deduce template arguments for '{name}'; give them explicitly" },
  requestNotFound: { code: 'KCC3053', severity: 'error', message: "no __global__ function template named '{name}' to instantiate" },
  requestUnparsable: { code: 'KCC3093', severity: 'error', message: "cannot parse template name expression '{text}'" },
  requestNotKernel: { code: 'KCC3094', severity: 'error', message: "'{name}' is not a __global__ function" },
  variadicTemplate: { code: 'KCC3067', severity: 'error', message: 'variadic templates are not supported by kcc' },

  // records
  bitfieldType: { code: 'KCC3105', severity: 'error', message: "bit-field '{name}' has non-integral type '{type}'" },
  fieldIncomplete: { code: 'KCC3106', severity: 'error', message: "field has incomplete type '{type}'" },
  baseNotRecord: { code: 'KCC3107', severity: 'error', message: "base specifier must name a class (got '{type}')" },

  // CUDA rules
  globalNotVoid: { code: 'KCC3013', severity: 'error', message: "__global__ function '{name}' must have a void return type" },
  globalFromDevice: { code: 'KCC3014', severity: 'error', message: "calling __global__ function '{name}' from device code needs dynamic parallelism, which kcc does not support" },
  hostFromDevice: { code: 'KCC3015', severity: 'error', message: "reference to __host__ function '{name}' in {space} function" },
  deviceFromHost: { code: 'KCC3016', severity: 'error', message: "reference to __device__ function '{name}' in __host__ function" },
  sharedInHost: { code: 'KCC3017', severity: 'error', message: "__shared__ variable '{name}' declared in a host function" },
  sharedInit: { code: 'KCC3018', severity: 'error', message: "initialization is not supported for __shared__ variables ('{name}')" },
  constantLocal: { code: 'KCC3019', severity: 'error', message: "__constant__ variable '{name}' must be declared at namespace scope" },
  dynamicShared: { code: 'KCC3020', severity: 'error', message: "extern __shared__ variable '{name}' must be an array of unknown size" },
  gotoUnsupported: { code: 'KCC3021', severity: 'error', message: "'goto' is not supported by kcc: control flow must be structured" },
  asmUnsupported: { code: 'KCC3022', severity: 'error', message: 'inline assembly is not supported by kcc' },
  lambdaUnsupported: { code: 'KCC3023', severity: 'error', message: 'lambda expressions are not supported by kcc' },
  exceptionsUnsupported: { code: 'KCC3024', severity: 'error', message: 'exceptions are not supported in device code' },
  recursion: { code: 'KCC3025', severity: 'error', message: "recursion is not supported in device code: '{name}' calls itself{via}" },
  variadicDevice: { code: 'KCC3026', severity: 'error', message: "variadic device function '{name}' is not supported (only printf is variadic in device code)" },
  builtinUnsupported: { code: 'KCC3052', severity: 'error', message: "'{name}' is not supported: {reason}" },
  unsupported: { code: 'KCC3054', severity: 'error', message: '{what} is not supported by kcc' },
  kernelRefParam: { code: 'KCC3055', severity: 'error', message: "__global__ function '{name}' cannot have a parameter of reference type" },
  deviceVarInHost: { code: 'KCC3056', severity: 'error', message: "reference to __device__ variable '{name}' in __host__ function" },
  hostVarInDevice: { code: 'KCC3057', severity: 'error', message: "reference to __host__ variable '{name}' in {space} function" },
  deviceOnlyName: { code: 'KCC3058', severity: 'error', message: "'{name}' is only available in device code" },
  newInDevice: { code: 'KCC3069', severity: 'error', message: "'{what}' is not supported in device code" },
  globalMember: { code: 'KCC3070', severity: 'error', message: "__global__ function '{name}' cannot be a member function" },
  launchConfig: { code: 'KCC3082', severity: 'error', message: 'kernel launch needs 2 to 4 configuration arguments, got {count}' },
  launchNonKernel: { code: 'KCC3083', severity: 'error', message: "'{name}' is not a __global__ function; it cannot be launched with <<<...>>>" },
  kernelCallNoConfig: { code: 'KCC3084', severity: 'error', message: "call to __global__ function '{name}' needs a launch configuration <<<...>>>" },
  sharedPlacement: { code: 'KCC3099', severity: 'error', message: '__shared__ is not allowed on {what}' },
  longDouble: { code: 'KCC3063', severity: 'warning', message: "'long double' is not supported in device code; kcc treats it as 'double'" },
  launchInDevice: { code: 'KCC3085', severity: 'error', message: 'launching a kernel from device code needs dynamic parallelism, which kcc does not support' },

  // lenient host code (files with skipped headers or set-aside items)
  hostOutsideSubset: { code: 'KCC3118', severity: 'note', message: "host function '{name}' is outside the kcc subset ({reason}); kcc compiles the device code it uses but cannot run it" },
  hostDeclSetAside: { code: 'KCC3119', severity: 'note', message: "host declaration of '{name}' set aside: {reason}" },
  writableString: { code: 'KCC3120', severity: 'warning', message: "ISO C++11 does not allow conversion from string literal to '{to}'" },
} as const satisfies DiagnosticTable;

registerDiagnostics(semaDiagnostics);

export type SemaDiagnostic = keyof typeof semaDiagnostics;
