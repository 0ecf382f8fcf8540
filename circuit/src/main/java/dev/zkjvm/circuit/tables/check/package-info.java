/**
 * The exact checker of table systems: every table's row constraints evaluated on its own rows, and
 * every bus checked as a multiset, without challenges, naming each unmatched tuple with the tables
 * and rows that send or receive it ({@link dev.zkjvm.circuit.tables.check.TableSystemChecker}).
 */
package dev.zkjvm.circuit.tables.check;
