package dev.zkjvm.circuit.check;

/**
 * A record of the input a witness is built from (a trace record) that lies outside what the
 * circuit's inputs can hold: a value wider than the word, an address outside every section, a
 * flag outside its range. The witness builder cannot represent such a record faithfully (a value
 * wider than the word keeps only its low bits), so the constraints alone may accept it; the
 * record check in front of them rejects it and names it.
 *
 * @param check   the family of the check, e.g. {@code trace.record.value_fits_word}
 * @param record  the record's index in its trace
 * @param step    the step the record names, or -1 if none
 * @param field   the field at fault
 * @param value   the field's value as text
 * @param allowed what the field may hold
 * @param context the caller's description of the record (its access and instruction), or {@code null}
 */
public record RecordIssue(String check, int record, long step, String field, String value, String allowed,
        String context) {
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(check).append(": record ").append(record);
        if (step >= 0) {
            sb.append(" (step ").append(step).append(')');
        }
        sb.append(": ").append(field).append(" = ").append(value).append(", allowed: ").append(allowed);
        if (context != null) {
            sb.append(" [").append(context).append(']');
        }
        return sb.toString();
    }
}
