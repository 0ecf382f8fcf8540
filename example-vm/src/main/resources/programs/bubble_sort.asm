; Bubble sort on Cpu64: sorts N words, ascending by UNSIGNED order (ltu).
; Input:  [N, w1, ..., wN] (public input words).
; Output: the N words sorted ascending (unsigned), in order.
;
; The words are first stored at byte addresses 0, 8, ..., 8 * (N - 1) (6 steps per word), sorted
; there in place, then written to the output from memory (6 steps per word).
; Registers: b = N (kept for the output), d = words left to read, then pairs left in this pass,
; a = pairs compared in this pass (N - 1 down to 1), c = byte address of the word being read or
; written, or of the right element of the pair being compared.
; Each pass carries the largest value seen so far on the stack instead of swapping pairs in
; memory: per pair it loads only the right element and writes only the smaller one, and the
; carried maximum is written once at the end of the pass. Every pair costs 10 steps.
        in                  ; [N]
        dup                 ; [N N]
        set b               ; [N]       b = N
        set d               ; []        d = N, words left to read
        push 0
        set c               ; c = 0, address of word 0
        get b
        jz done             ; N == 0: nothing to read, sort or write
read:   in                  ; [w]
        str c, 0            ; []        memory[c] = w
        addi c, 8
        addi d, -1
        get d
        jnz read
        get b
        set a
        addi a, -1          ; N - 1 pairs in the first pass
pass:   get a
        jz write            ; no pairs left: sorted
        get a
        set d               ; d = pairs in this pass
        push 8
        set c               ; c = address of word 1
        push 0
        load                ; [x] x = word 0, the carried maximum
inner:  dup                 ; [x x]
        ldr c, 0            ; [x x y]   y = word at c
        ltu                 ; [x x<y]
        jnz bigger          ; [x]
        ldr c, 0            ; [x y]     y <= x: y moves down, x stays carried
        str c, -8           ; [x]
        addi c, 8
        addi d, -1
        get d
        jnz inner
        jmp end
bigger: str c, -8           ; []        x < y: x moves down, y is carried
        ldr c, 0            ; [y]
        addi c, 8
        addi d, -1
        get d
        jnz inner
end:    str c, -8           ; []        the carried maximum goes to the last slot of the pass
        addi a, -1
        jmp pass
write:  push 0
        set c               ; c = address of word 0
emit:   ldr c, 0            ; [w]
        out                 ; []
        addi c, 8
        addi b, -1
        get b
        jnz emit
done:   halt
