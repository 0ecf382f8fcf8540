; Iterative Fibonacci on Cpu64.
; Input:  [n] (one public input word).
; Output: [fib(n) mod 2^64] (fib(0) = 0, fib(1) = 1).
; Registers: a = iterations left (n down to 0), b = fib(k), c = fib(k + 1). The stack is empty
; at the end. Cost: 11 steps, plus 9 per iteration when n > 0 (8 + 9n + 3).
        in                  ; [n]
        set a               ; a = n
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
done:   get b               ; [fib(n)]
        out                 ; []
        halt
