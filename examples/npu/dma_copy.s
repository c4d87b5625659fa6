; DMA efficiency vs burst size: copies `n` bytes from src + off to dst through UB, each 32 KiB
; tile moved as bursts of `burst` bytes (a multiple of 32 dividing 32768), double-buffered so
; that only the per-burst cost, the 32-byte granularity and the 512-byte line penalty (when off
; is not a multiple of 512) separate the achieved bandwidth from the HBM peak.
; n must be a multiple of 32768; src must hold n + off bytes.
.kernel dma_copy(ptr src, ptr dst, u32 n, u32 burst, u32 off)
.equ TB, 32768
.alloc ub buf, 2*TB
    divu s5, n, TB              ; tiles
    li s7, TB
    divu s6, s7, burst          ; bursts per tile
    mov s8, %core
    li s10, 0                   ; buffer parity
    setf MTE3>MTE2, 0
    setf MTE3>MTE2, 1
loop:
    bge s8, s5, done
    mul s9, s8, TB
    add s11, src, s9
    add s11, s11, off
    add s12, dst, s9
    mul s13, s10, TB
    waitf MTE3>MTE2, s10        ; the store of this buffer's previous tile has read it
    dma.gm2ub ub[s13 + buf], gm[s11], n=s6, len=burst
    setf MTE2>MTE3, s10
    waitf MTE2>MTE3, s10
    dma.ub2gm gm[s12], ub[s13 + buf], n=s6, len=burst
    setf MTE3>MTE2, s10
    xor s10, s10, 1
    add s8, s8, %ncores
    b loop
done:
    exit
