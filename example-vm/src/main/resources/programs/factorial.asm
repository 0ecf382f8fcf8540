; Recursive factorial on Cpu64, with call/ret through the stack.
; Input:  register a = n.
; Output: register b = n! mod 2^64 (0! = 1). The stack is empty at the end.
; Each level of recursion keeps two words on the stack (return index, n), so n up to about
; 500 fits the 1024-word stack.
        get a               ; [n]
        call fact           ; [n ret] -> [n!]
        set b
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
