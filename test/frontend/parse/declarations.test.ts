/**
 * Declarations: specifiers and CUDA attributes, declarators, records, enums, typedef/using,
 * namespaces, templates, and the name table that disambiguates them.
 */
import { describe, expect, test } from 'vitest';
import { parseText } from './helpers.js';

function ok(src: string): string {
  const p = parseText(src);
  expect(p.messages).toEqual([]);
  return p.ast;
}

describe('specifiers and declarators', () => {
  test('CUDA specifiers and attributes', () => {
    const ast = ok(`__global__ void __launch_bounds__(256, 2) k(float* __restrict__ x) {}
__device__ __forceinline__ static float sq(float v) { return v * v; }
__host__ __device__ inline int both(int a) { return a; }
__constant__ float coeffs[9];
__device__ __managed__ int counter = 0;
__noinline__ __device__ void slow();
__shared__ __align__(16) float tile[32][33];
alignas(8) __device__ double d;
__attribute__((unused)) static int u;
[[nodiscard]] __device__ int g();`);
    expect(ast).toContain('(function k [global launch_bounds(256, 2)] 1:1');
    expect(ast).toContain('(param x (ptr restrict float))');
    expect(ast).toContain('(function sq [device static forceinline] 2:1');
    expect(ast).toContain('(function both [device host inline] 3:1');
    expect(ast).toContain('(var coeffs (array float 9) [constant] 4:1)');
    expect(ast).toContain('(var counter int [device managed] 5:1 0)');
    expect(ast).toContain('(function slow [device noinline] 6:1');
    expect(ast).toContain('(var tile (array (array float 33) 32) [shared align(16)] 7:1)');
    expect(ast).toContain('(var d double [device align(8)] 8:1)');
    expect(ast).toContain('(var u int [static] 9:1)');
    expect(ast).toContain('(function g [device] 10:1');
  });

  test('builtin type words in any order', () => {
    const ast = ok('unsigned long long a; long unsigned b; short int c; signed char d; long double e; unsigned f; const volatile int g;');
    for (const t of ["'unsigned long long'", "'unsigned long'", 'short', "'signed char'", "'long double'", "'unsigned int'", '(const (volatile int))'])
      expect(ast).toContain(t);
  });

  test('pointers, references, arrays, function pointers, several declarators', () => {
    const ast = ok(`int *p, **pp, a[4], m[2][3], *ap[5], (*pa)[5];
const float* const cp = nullptr;
void (*cb)(int, float);
int (*table[4])(int);
__device__ void f(float& r, const float&& rr, int n[], float (*g)(float));
extern __shared__ float s[];`);
    expect(ast).toContain('(var p (ptr int) 1:1)');
    expect(ast).toContain('(var pp (ptr (ptr int)) 1:1)');
    expect(ast).toContain('(var m (array (array int 3) 2)');
    expect(ast).toContain('(var ap (array (ptr int) 5)');
    expect(ast).toContain('(var pa (ptr (array int 5))');
    expect(ast).toContain('(var cp (const (ptr (const float))) 2:1 nullptr)');
    expect(ast).toContain('(var cb (ptr (fn void ((param int) (param float)))) 3:1)');
    expect(ast).toContain('(var table (array (ptr (fn int ((param int)))) 4) 4:1)');
    expect(ast).toContain('(param r (ref float)) (param rr (rref (const float))) (param n (array int)) (param g (ptr (fn float ((param float)))))');
    expect(ast).toContain('(var s (array float) [shared extern] 6:1)');
  });

  test('initialisers: copy, direct, list, designated, default arguments', () => {
    const ast = ok(`int a = 1; int b(2); int c{3}; float4 v = {1, 2, 3, 4};
struct P { int x, y; }; P p = {.x = 1, .y = 2}; int arr[3] = {[0] = 1, [2] = 3};
__device__ float f(float x, float scale = 2.0f, int n = sizeof(float));
dim3 grid(16, 16);`);
    expect(ast).toContain('(var a int 1:1 1)');
    expect(ast).toContain('(var b int 1:12 (direct) 2)');
    expect(ast).toContain('(var c int 1:22 (list) (init-list 3))');
    expect(ast).toContain('(var p P 2:25 (init-list (.x 1) (.y 2)))');
    expect(ast).toContain('(var arr (array int 3) 2:49 (init-list ([0] 1) ([2] 3)))');
    expect(ast).toContain('(param scale float (default 2.0f)) (param n int (default (sizeof-type float)))');
    expect(ast).toContain('(var grid dim3 4:1 (direct) (init-list 16 16))');
  });

  test('decltype and auto', () => {
    const ast = ok('__device__ int x; __device__ decltype(x) y; __device__ auto f(int a) -> float { return a; }');
    expect(ast).toContain('(var y (decltype x) [device]');
    expect(ast).toContain('(result float)');
  });
});

describe('records and enums', () => {
  test('struct with fields, bit-fields, methods, constructors, operators, access, static, nested', () => {
    const ast = ok(`struct Base { int id; };
class __align__(16) Vec : public Base {
public:
  float x, y;
  unsigned flags : 3;
  static const int N = 4;
  struct Inner { int k; };
  Inner in;
  __device__ Vec() : x(0), y{0} {}
  __device__ Vec(float a, float b) : x(a), y(b) {}
  __device__ ~Vec() {}
  __device__ Vec operator+(const Vec& o) const { return Vec(x + o.x, y + o.y); }
  __device__ float& operator[](int i) { return i ? y : x; }
  __device__ float operator()(float s) const { return s * x; }
  __device__ bool operator==(const Vec& o) const = default;
  virtual void v() = 0;
private:
  int hidden;
};
Vec::Inner q;
__device__ float len(Vec v) { return v.x; }`);
    expect(ast).toContain('(class Vec [align(16)] 2:1');
    expect(ast).toContain('(bases (public Base))');
    expect(ast).toContain('(access public 3:1)');
    expect(ast).toContain('(var flags \'unsigned int\' 5:3 (bits 3))');
    expect(ast).toContain('(var N (const int) [static] 6:3 4)');
    expect(ast).toContain('(struct Inner 7:3');
    expect(ast).toContain('(var in Inner 8:3)');
    expect(ast).toContain('(function Vec [device] 9:3');
    expect(ast).toContain('(inits (x 0) (y {} 0))');
    expect(ast).toContain('(function ~Vec [device] 11:3');
    expect(ast).toContain('(function operator+ [device] 12:3');
    expect(ast).toContain('(params (param o (ref (const Vec))) (const))');
    expect(ast).toContain('(function operator[] [device] 13:3');
    expect(ast).toContain('(function operator() [device] 14:3');
    expect(ast).toContain('(default)');
    expect(ast).toContain('(pure)');
    expect(ast).toContain('(var q Vec::Inner 20:1)');
  });

  test('unions, anonymous records, forward declarations, typedef struct', () => {
    const ast = ok(`struct Fwd; union U { float f; int i; }; typedef struct { int a; } Anon; typedef struct Node { struct Node* next; } Node;
struct Node* head; struct { int z; } unnamed;`);
    expect(ast).toContain('(struct Fwd 1:1 (forward))');
    expect(ast).toContain('(union U 1:13');
    expect(ast).toContain('(typedef Anon (struct <anonymous>)');
    expect(ast).toContain('(var next (ptr (struct Node))');
    expect(ast).toContain('(typedef Node (struct Node)');
    expect(ast).toContain('(var head (ptr (struct Node)) 2:1)');
    expect(ast).toContain('(var unnamed (struct <anonymous>) 2:20)');
  });

  test('enums', () => {
    const ast = ok('enum Color { RED, GREEN = 4, BLUE, }; enum class Mode : unsigned char { A, B }; enum E2 : int; Color c = RED; Mode m = Mode::B;');
    expect(ast).toContain('(enum Color 1:1 RED (GREEN 4) BLUE)');
    expect(ast).toContain("(enum class Mode 1:39 (underlying 'unsigned char') A B)");
    expect(ast).toContain('(var m Mode 1:111 Mode::B)');
  });

  test('out-of-class member definitions see the class members', () => {
    const ast = ok(`struct S { typedef float T; __device__ T get() const; T v; };
__device__ S::T S::get() const { T local = v; return local; }`);
    expect(ast).toContain('(function S::get [device] 2:1');
    expect(ast).toContain('(decl 2:34 (var local T v))');
  });
});

describe('typedef, using, namespaces', () => {
  test('typedef names are types in later items', () => {
    const ast = ok('typedef unsigned int uint; typedef float (*fn_t)(float); __device__ uint f(fn_t g) { uint x = (uint)1; return x; }');
    expect(ast).toContain('(typedef uint \'unsigned int\' 1:1)');
    expect(ast).toContain('(typedef fn_t (ptr (fn float ((param float)))) 1:28)');
    expect(ast).toContain("(decl 1:86 (var x uint (cast c uint 1)))");
  });

  test('using aliases, alias templates, using-declarations and directives', () => {
    const ast = ok(`using real = float; template <typename T> using Ptr = T*; Ptr<real> p;
namespace ns { struct A {}; __device__ int helper(int x) { return x; } }
using ns::A; using namespace ns; A a; namespace cg = cooperative_groups;`);
    expect(ast).toContain('(typedef real float 1:1)');
    expect(ast).toContain('(typedef Ptr (ptr T) 1:21 (template (type T)))');
    expect(ast).toContain('(var p Ptr<real> 1:59)');
    expect(ast).toContain('(using ns::A 3:1)');
    expect(ast).toContain('(using-namespace ns 3:14)');
    expect(ast).toContain('(var a A 3:34)');
    expect(ast).toContain('(namespace-alias cg cooperative_groups 3:39)');
  });

  test('namespaces: nested, reopened, anonymous, qualified names', () => {
    const ast = ok(`namespace a { namespace b { struct T { int v; }; } }
namespace a::b { __device__ T make() { return T{1}; } }
namespace { __device__ int hidden; }
inline namespace v1 { typedef int I; }
__device__ a::b::T g() { a::b::T t = a::b::make(); I i = 0; return t; }`);
    expect(ast).toContain('(namespace a 1:1');
    expect(ast).toContain('(construct-list T 1)');
    expect(ast).toContain('(namespace <anonymous> 3:1');
    expect(ast).toContain('(namespace inline v1 4:1');
    expect(ast).toContain('(function g [device] 5:1');
    expect(ast).toContain('(var t a::b::T (call a::b::make))');
    expect(ast).toContain('(var i I 0)');
  });

  test('extern "C", static_assert', () => {
    const ast = ok(`extern "C" { __global__ void k1(float* x) {} __global__ void k2() {} }
extern "C" __global__ void k3();
static_assert(sizeof(float) == 4, "float is 4 bytes");`);
    expect(ast).toContain('(extern "C" 1:1');
    expect(ast).toContain('(function k2 [global] 1:46');
    expect(ast).toContain('(extern "C" 2:1');
    expect(ast).toContain('(static-assert 3:1 (binary == (sizeof-type float) 4) "float is 4 bytes")');
  });
});

describe('templates', () => {
  test('function and class templates with type and non-type parameters and defaults', () => {
    const ast = ok(`template <typename T, int BLOCK = 256, class U = float> __global__ void reduce(const T* in, T* out) {
  __shared__ T buf[BLOCK];
  out[0] = reduce_helper<T, BLOCK / 2>(buf);
}
template <typename T> struct Pair { T a, b; __device__ T sum() const { return a + b; } };
template <typename T> constexpr T zero = T(0);
Pair<float> pf; Pair<Pair<int>> ppi;`);
    expect(ast).toContain('(template (type T) (value BLOCK int (default 256)) (type U (default float)))');
    expect(ast).toContain('(var buf (array T BLOCK) [shared])');
    expect(ast).toContain('(call reduce_helper<T, (binary / BLOCK 2)> buf)');
    expect(ast).toContain('(struct Pair 5:1');
    expect(ast).toContain('(var zero T [constexpr] 6:1 (template (type T)) (construct T 0))');
    expect(ast).toContain('(var pf Pair<float> 7:1)');
    expect(ast).toContain('(var ppi Pair<Pair<int>> 7:17)');
  });

  test('explicit specialisation and explicit instantiation', () => {
    const ast = ok(`template <typename T> __global__ void k(T* x) {}
template <> __global__ void k<double>(double* x) {}
template __global__ void k<float>(float*);
template <typename T> struct S {};
template <> struct S<int> { int v; };
template struct S<float>;`);
    expect(ast).toContain('(function k<double> [global] 2:1\n    (template)');
    expect(ast).toContain('(explicit-instantiation 3:1\n    (function k<float> [global]');
    expect(ast).toContain('(struct S<int> 5:1');
    expect(ast).toContain('(explicit-instantiation 6:1\n    (struct S<float> (forward)');
  });

  test('template-ids vs comparisons use the name table', () => {
    const ast = ok(`template <int N> __device__ int pw(int x);
__device__ int h(int a, int b, int min) { return pw<3>(a) + (a < b) + (b > a) + (min < a); }`);
    expect(ast).toContain('(call pw<3> a)');
    expect(ast).toContain('(binary < min a)');
  });
});
