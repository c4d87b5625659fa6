; fp32 vector add c = a + b, double-buffered: two UB tiles each for a, b and c, one flag id per
; buffer, so the loads of tile i+1 and the store of tile i−1 overlap the add of tile i and the
; 400-cycle DMA latency is hidden: the kernel runs at the HBM roofline.
; n must be a multiple of TILE.
.kernel vadd_double(ptr a, ptr b, ptr c, u32 n)
.equ TILE, 4096                 ; fp32 elements per tile
.equ TB, 16384                  ; bytes per tile
.alloc ub xa, 2*TB
.alloc ub xb, 2*TB
.alloc ub xc, 2*TB
    divu s4, n, TILE            ; number of tiles
    mov s5, %core               ; this core's first tile
    li s10, 0                   ; buffer parity: 0 or 1
    setf V>MTE2, 0              ; both input buffers start free
    setf V>MTE2, 1
    setf MTE3>V, 0              ; both output buffers start free
    setf MTE3>V, 1
loop:
    bge s5, s4, done
    mul s6, s5, TB
    add s7, a, s6
    add s8, b, s6
    add s9, c, s6
    mul s11, s10, TB            ; this buffer's offset
    waitf V>MTE2, s10
    dma.gm2ub ub[s11 + xa], gm[s7], len=TB
    dma.gm2ub ub[s11 + xb], gm[s8], len=TB
    setf MTE2>V, s10
    waitf MTE2>V, s10
    waitf MTE3>V, s10
    vadd.f32 ub[s11 + xc], ub[s11 + xa], ub[s11 + xb], rep=64
    setf V>MTE2, s10
    setf V>MTE3, s10
    waitf V>MTE3, s10
    dma.ub2gm gm[s9], ub[s11 + xc], len=TB
    setf MTE3>V, s10
    xor s10, s10, 1
    add s5, s5, %ncores
    b loop
done:
    exit
