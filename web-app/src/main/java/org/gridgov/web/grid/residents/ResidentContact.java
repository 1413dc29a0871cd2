package org.gridgov.web.grid.residents;

/** A resident's full ID number and phone, answered once to a user allowed to unmask them (each time audited). */
record ResidentContact(long residentId, String idNumber, String phone) {

    @Override
    public String toString() {
        // never the numbers themselves in a log line
        return "ResidentContact[" + residentId + "]";
    }
}
