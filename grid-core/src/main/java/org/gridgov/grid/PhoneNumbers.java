package org.gridgov.grid;

/** Mainland mobile numbers (11 digits starting 13–19) and landlines (area code and number, 10–12 digits). */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** Digits only: spaces, dashes and a +86 prefix are dropped. */
    public static String normalize(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[\\s\\-()]", "");
        if (digits.startsWith("+86")) {
            digits = digits.substring(3);
        }
        return digits;
    }

    public static boolean isValid(String phone) {
        String digits = normalize(phone);
        return digits != null && (digits.matches("1[3-9][0-9]{9}") || digits.matches("0[1-9][0-9]{8,10}"));
    }

    /** 138****5678: the first three and the last four digits. */
    public static String mask(String phone) {
        String digits = normalize(phone);
        if (digits == null || digits.length() < 8) {
            return "****";
        }
        return digits.substring(0, 3) + "*".repeat(digits.length() - 7) + digits.substring(digits.length() - 4);
    }
}
