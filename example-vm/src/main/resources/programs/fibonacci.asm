; Iterative Fibonacci on Cpu64.
; Input:  register a = n.
; Output: register b = fib(n) mod 2^64 (fib(0) = 0, fib(1) = 1); a ends at 0.
; Uses register c for fib(k + 1). Stack is empty at the end.
        push 0
        set b               ; b = fib(0)
        push 1
        set c               ; c = fib(1)
        get a
        jz done             ; n == 0: b already holds fib(0)
loop:   get c               ; [c]
        get b               ; [c b]
        get c               ; [c b c]
        add                 ; [c b+c]
        set c               ; [c]           c = fib(k + 2)
        set b               ; []            b = fib(k + 1)
        addi a, -1
        get a
        jnz loop
done:   halt
