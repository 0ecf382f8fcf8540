; Recursive factorial on Cpu64, with call/ret through the stack.
; Input:  [n] (one public input word).
; Output: [n! mod 2^64] (0! = 1). No register is used; the stack is empty at the end.
; Each level of recursion keeps two words on the stack (return index, n), so n up to about
; 500 fits the 1024-word stack. Cost: 4 steps, plus 10 per level for n >= 1 and 7 for the base.
        in                  ; [n]
        call fact           ; [n ret] -> [n!]
        out                 ; []
        halt
; fact: [n ret] -> [n!]
fact:   swap                ; [ret n]
        dup                 ; [ret n n]
        jz base             ; [ret n]
        dup                 ; [ret n n]
        push 1
        sub                 ; [ret n n-1]
        call fact           ; [ret n (n-1)!]
        mul                 ; [ret n!]
        swap                ; [n! ret]
        ret
base:   pop                 ; [ret]
        push 1              ; [ret 1]
        swap                ; [1 ret]
        ret
