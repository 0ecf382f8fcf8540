; Sum of an array on Cpu64.
; Input:  register a = N, the N words at byte addresses 0, 8, ..., 8 * (N - 1).
; Output: register b = the sum of the words mod 2^64; a ends at 0, c at 8 * N.
        push 0
        set b               ; b = 0 (running sum)
        push 0
        set c               ; c = 0 (byte address of the next word)
        get a
        jz done             ; empty array
loop:   get b               ; [sum]
        get c               ; [sum addr]
        load                ; [sum word]
        add                 ; [sum + word]
        set b               ; []
        addi c, 8           ; next word
        addi a, -1
        get a
        jnz loop
done:   halt
