package org.gridgov.grid;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * The identity document a resident is registered with (证件类型), each number checked by its own rule. The 18-character
 * ones of GB 11643's form carry the birth date, the gender and a check character; the others do not, so the birth
 * date is entered. {@link #NONE} is for a child not yet issued a document (a newborn not yet registered): under 16.
 */
public enum DocumentType {

    /** 居民身份证: GB 11643, an area code of the mainland. */
    ID_CARD,
    /** 港澳台居民居住证: GB 11643's form with the area code 810000 (Hong Kong), 820000 (Macao) or 830000 (Taiwan). */
    RESIDENCE_PERMIT,
    /**
     * 外国人永久居留身份证: the 2023 form (18 characters, starting with 9, GB 11643's check) or the older 15 (3 letters,
     * 12 digits).
     */
    FOREIGNER_PERMANENT_RESIDENCE,
    /** 护照: 5 to 17 letters and digits. */
    PASSPORT,
    /** 无证件: a child under 16 not yet issued one. */
    NONE;

    /** Children get an ID card by 16 at the latest (居民身份证法): a resident without a document is younger. */
    public static final int NONE_BELOW_AGE = 16;

    /** Upper case, spaces removed; null stays null. */
    public static String normalize(String number) {
        return number == null ? null : number.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }

    /** Whether {@code number} (normalized or not) is a well-formed number of this kind of document. */
    public boolean accepts(String number) {
        String n = normalize(number);
        if (this == NONE) {
            return n == null || n.isEmpty();
        }
        if (n == null || n.isEmpty()) {
            return false;
        }
        return switch (this) {
            case ID_CARD -> IdNumbers.isWellFormed(n) && !n.startsWith("8") && !n.startsWith("9");
            case RESIDENCE_PERMIT -> IdNumbers.isWellFormed(n)
                    && (n.startsWith("810000") || n.startsWith("820000") || n.startsWith("830000"));
            case FOREIGNER_PERMANENT_RESIDENCE -> (n.length() == 18 && n.startsWith("9") && IdNumbers.isWellFormed(n))
                    || n.matches("[A-Z]{3}[0-9]{12}");
            case PASSPORT -> n.matches("[A-Z0-9]{5,17}");
            case NONE -> false;
        };
    }

    /** Whether the number itself carries the birth date and gender (GB 11643's 18-character form). */
    public boolean carriesBirthDate(String number) {
        String n = normalize(number);
        return this != NONE && this != PASSPORT && n != null && n.length() == 18;
    }

    /** The birth date the number carries, when it carries one. */
    public Optional<LocalDate> birthDate(String number) {
        return carriesBirthDate(number) ? IdNumbers.birthDate(normalize(number)) : Optional.empty();
    }

    /**
     * What the keyed hash is taken of: an 18-character number of GB 11643's form as it is (one namespace: the exact
     * look-up by ID number finds it whatever the document), any other number with its kind in front.
     */
    public String lookupKey(String number) {
        String n = normalize(number);
        return carriesBirthDate(n) ? n : name() + ":" + n;
    }
}
