; Sum of an array on Cpu64.
; Input:  [N, w1, ..., wN] (public input words).
; Output: [w1 + ... + wN mod 2^64] (0 for N = 0).
; Registers: a = words left to read (N down to 0). The running sum stays on the stack, which is
; empty at the end. Cost: 7 steps, plus 5 per word (5N + 7); no memory is used.
        push 0              ; [sum]         sum = 0
        in                  ; [sum N]
        dup                 ; [sum N N]
        set a               ; [sum N]       a = N
        jz done             ; [sum]         empty array
loop:   in                  ; [sum w]
        add                 ; [sum + w]
        addi a, -1
        get a
        jnz loop
done:   out                 ; []
        halt
