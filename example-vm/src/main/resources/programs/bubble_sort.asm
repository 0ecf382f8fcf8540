; Bubble sort on Cpu64: sorts N words in place, ascending by UNSIGNED order (ltu).
; Input:  register a = N, the N words at byte addresses 0, 8, ..., 8 * (N - 1).
; Output: the same words sorted ascending (unsigned) at the same addresses.
;
; Registers: a = pairs compared in this pass (N - 1 down to 1), c = byte address of the
; right element of the pair being compared, d = pairs left in this pass.
; Each pass carries the largest value seen so far on the stack instead of swapping pairs in
; memory: per pair it loads only the right element and writes only the smaller one, and the
; carried maximum is written once at the end of the pass. Every pair costs 10 steps.
        get a
        jz done             ; N == 0
        addi a, -1          ; N - 1 pairs in the first pass
pass:   get a
        jz done             ; no pairs left: sorted
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
done:   halt
