; Knowledge of a hash preimage on Cpu64: halts only if the private words hash to the public digest.
; Input:  [digest] (one public input word).
; Advice: [N, w1, ..., wN] (private input words, hidden by a zero-knowledge proof).
; Output: nothing. That the run ends normally is the whole statement: "I know words whose hash is
;         digest". An output would add nothing the digest does not say, and the words must not leak.
;
; The hash, of the N + 1 advice words x0 = N, x1 = w1, ..., xN = wN, all arithmetic mod 2^64:
;   h = 0xcbf29ce484222325                          (the FNV-1a 64-bit offset basis)
;   for each x in x0, x1, ..., xN: h = (h ^ x) * 0x100000001b3   (the FNV 64-bit prime)
;   h = h ^ (h >>> 33); h = h * 0xff51afd7ed558ccd; h = h ^ (h >>> 33)   (final mix)
; Hashing N first makes words of another length another message. This is a small demonstration
; hash, not a cryptographic one: it only shows a private input that a proof keeps hidden.
;
; A wrong preimage (or a wrong N) makes the hash differ, and the program then jumps far past its
; end, which fails (InvalidJumpException): no run ends normally, so there is no proof. Too few
; advice words fail at `adv` (InputExhaustedException).
; Registers: a = words left to absorb (N down to 0). The hash stays on the stack, which is empty
; at the end. Cost: 9 steps, plus 7 per word, plus 14 (7N + 23).
        push 0xcbf29ce484222325     ; [h]
        adv                 ; [h N]
        dup                 ; [h N N]
        set a               ; [h N]         a = N
        xor                 ; [h^N]
        push 0x100000001b3
        mul                 ; [h]           N absorbed
        get a
        jz mix              ; N == 0
absorb: adv                 ; [h w]
        xor                 ; [h^w]
        push 0x100000001b3
        mul                 ; [h]           w absorbed
        addi a, -1
        get a
        jnz absorb
mix:    dup                 ; [h h]
        push 33
        shr                 ; [h h>>>33]
        xor                 ; [h]
        push 0xff51afd7ed558ccd
        mul                 ; [h]
        dup
        push 33
        shr
        xor                 ; [hash]
        in                  ; [hash digest]
        eq                  ; [hash == digest]
        jnz accept          ; []
        jmp 1000000         ; wrong preimage: a jump past the end fails, so this run cannot end
accept: halt
