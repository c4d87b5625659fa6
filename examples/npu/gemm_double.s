; fp16 GEMM on the cube, C (f32, row-major M×N) = A (M×K) · B (K×N), multi-buffered: four L1
; buffers (GM loads run up to three k-steps ahead, covering the 400-cycle GM latency) and two
; L0A/L0B buffers (one flag id each), so the GM→L1 loads (MTE2), the L1→L0 moves (MTE1), the
; cube (M) and the write-back (FIX, MTE3) all overlap.
;
; Layouts (host-side packing, like Ascend's fractal formats, so every DMA is one long burst):
;   A packed [M/128][K/64][128][64] f16: block (mi, kb) is 16 KiB at a + (mi·K/64 + kb)·16384
;   B packed [N/256][K/64][64][256] f16: block (nj, kb) is 32 KiB at b + (nj·K/64 + kb)·32768
; M a multiple of 128 (≥ 128), N of 256, K of 64.
;
; Work items: output tiles of 128×256 (one L0C), except that the last 128-row panel is done as
; two 64-row halves, so that the last wave over the 24 cores is shorter (2048³: 120 full tiles
; + 16 halves instead of 128 tiles, i.e. 5.5 instead of 6 tile times on the busiest core).
; Core c takes items c, c + ncores, … (persistent program).
.kernel gemm_double(ptr a, ptr b, ptr c, u32 M, u32 N, u32 K)
.equ TM, 128
.equ TN, 256
.equ TK, 64
.equ ABLK, 16384                ; 128×64 f16
.equ BBLK, 32768                ; 64×256 f16
.alloc l1 l1a, 4*ABLK
.alloc l1 l1b, 4*BBLK
.alloc l0a a0, 2*ABLK
.alloc l0b b0, 2*BBLK
.alloc l0c cacc, 131072         ; 128×256 f32
.alloc ub cub, 131072
    divu s6, M, TM              ; m-tiles
    divu s7, N, TN              ; n-tiles
    divu s8, K, TK              ; k-blocks
    sub s9, s6, 1
    mul s9, s9, s7              ; full tiles F = (mt − 1)·nt
    shl s10, s7, 1
    add s10, s10, s9            ; work items W = F + 2·nt
    mov s11, %core              ; work item
    li s12, 0                   ; L0 buffer (0, 1)
    li s30, 0                   ; L1 buffer (0..3)
    mul s13, N, 4
    sub s13, s13, 1024          ; C row gap in bytes: (N − 256)·4
    setf MTE1>MTE2, 0           ; the four L1 buffers are free
    setf MTE1>MTE2, 1
    setf MTE1>MTE2, 2
    setf MTE1>MTE2, 3
    setf M>MTE1, 0              ; both L0A/L0B buffers free
    setf M>MTE1, 1
    setf FIX>M, 0               ; L0C free
    setf MTE3>FIX, 0            ; UB staging free
tile:
    bge s11, s10, finish
    blt s11, s9, full
    sub s14, s11, s9            ; half item: (w − F) = h·nt + nj
    divu s15, s14, s7           ; h
    remu s16, s14, s7           ; nj
    sub s17, s6, 1              ; mi = mt − 1
    li s18, 64                  ; rows
    mul s19, s15, 8192          ; A offset of the half inside a block
    mul s20, s15, 64            ; row offset of the half
    b decoded
full:
    divu s17, s11, s7           ; mi
    remu s16, s11, s7           ; nj
    li s18, 128
    li s19, 0
    li s20, 0
decoded:
    mul s21, s17, s8
    mul s21, s21, ABLK
    add s21, s21, a
    add s21, s21, s19           ; A block pointer
    mul s22, s16, s8
    mul s22, s22, BBLK
    add s22, s22, b             ; B block pointer
    mul s23, s17, TM
    add s23, s23, s20
    mul s23, s23, N
    mul s24, s16, TN
    add s23, s23, s24
    mul s23, s23, 4
    add s23, s23, c             ; C tile pointer
    mul s25, s18, 128           ; A bytes per block = rows·64·2
    mul s26, s18, 1024          ; C tile bytes = rows·256·4
    li s27, 0                   ; k-block
kloop:
    mul s28, s30, ABLK          ; L1 buffer offsets
    mul s29, s30, BBLK
    mul s19, s12, ABLK          ; L0 buffer offsets
    mul s20, s12, BBLK
    waitf MTE1>MTE2, s30        ; L1 buffer free
    dma.gm2l1 l1[s28 + l1a], gm[s21], len=s25
    dma.gm2l1 l1[s29 + l1b], gm[s22], len=BBLK
    setf MTE2>MTE1, s30
    waitf MTE2>MTE1, s30        ; L1 buffer loaded
    waitf M>MTE1, s12           ; L0 buffer free
    dma.l12l0a l0a[s19 + a0], l1[s28 + l1a], len=s25
    dma.l12l0b l0b[s20 + b0], l1[s29 + l1b], len=BBLK
    setf MTE1>MTE2, s30
    setf MTE1>M, s12
    waitf MTE1>M, s12           ; L0 buffer loaded
    bne s27, 0, accumulate
    waitf FIX>M, 0              ; the previous tile has left L0C
    mmad.f16 l0c[cacc], l0a[s19 + a0], l0b[s20 + b0], m=s18, k=TK, n=TN, acc=0
    b issued
accumulate:
    mmad.f16 l0c[cacc], l0a[s19 + a0], l0b[s20 + b0], m=s18, k=TK, n=TN, acc=1
issued:
    setf M>MTE1, s12
    xor s12, s12, 1
    add s30, s30, 1
    and s30, s30, 3
    add s21, s21, ABLK
    add s22, s22, BBLK
    add s27, s27, 1
    blt s27, s8, kloop
    setf M>FIX, 0               ; tile done: L0C → UB → GM
    waitf M>FIX, 0
    waitf MTE3>FIX, 0
    dma.l0c2ub ub[cub], l0c[cacc], len=s26
    setf FIX>M, 0
    setf FIX>MTE3, 0
    waitf FIX>MTE3, 0
    dma.ub2gm gm[s23], ub[cub], n=s18, len=1024, dgap=s13
    setf MTE3>FIX, 0
    add s11, s11, %ncores
    b tile
finish:
    exit
