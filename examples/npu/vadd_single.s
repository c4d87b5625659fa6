; fp32 vector add c = a + b, single-buffered: one UB tile each for a, b and c, so a core
; loads, adds and stores one tile after the other and the DMA latency is never hidden.
; Each core (persistent program) takes tiles core, core + ncores, … (NPU.md "Dispatch").
; n must be a multiple of TILE.
.kernel vadd_single(ptr a, ptr b, ptr c, u32 n)
.equ TILE, 4096                 ; fp32 elements per tile = 64 repeats of 64 lanes
.equ TB, 16384                  ; bytes per tile
.alloc ub xa, TB
.alloc ub xb, TB
.alloc ub xc, TB
    divu s4, n, TILE            ; number of tiles
    mov s5, %core               ; this core's first tile
    setf V>MTE2, 0              ; xa/xb start free
    setf MTE3>V, 0              ; xc starts free
loop:
    bge s5, s4, done
    mul s6, s5, TB
    add s7, a, s6
    add s8, b, s6
    add s9, c, s6
    waitf V>MTE2, 0             ; the previous tile's add has read xa, xb
    dma.gm2ub ub[xa], gm[s7], len=TB
    dma.gm2ub ub[xb], gm[s8], len=TB
    setf MTE2>V, 0
    waitf MTE2>V, 0             ; the tile has arrived
    waitf MTE3>V, 0             ; the previous store has read xc
    vadd.f32 ub[xc], ub[xa], ub[xb], rep=64
    setf V>MTE2, 0
    setf V>MTE3, 0
    waitf V>MTE3, 0
    dma.ub2gm gm[s9], ub[xc], len=TB
    setf MTE3>V, 0
    add s5, s5, %ncores
    b loop
done:
    exit
