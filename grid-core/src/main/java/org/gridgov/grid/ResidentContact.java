package org.gridgov.grid;

/** A resident's full ID number and phone, as shown once to a user allowed to unmask them (each time audited). */
public record ResidentContact(long residentId, String idNumber, String phone) {

    @Override
    public String toString() {
        return "ResidentContact[" + residentId + "]";
    }
}
