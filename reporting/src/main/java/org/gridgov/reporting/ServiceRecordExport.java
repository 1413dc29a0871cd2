package org.gridgov.reporting;

import java.util.List;

import org.gridgov.party.ServiceRecord;

/**
 * 双评议 export — a work unit's registered members (or any area's registrations) with their year's service record
 * and both sides' grades, as xlsx in the current request's language; every text cell neutralised
 * ({@link CellText}) and the export recorded in the export log (kind {@value #KIND}).
 */
public interface ServiceRecordExport {

    String KIND = "PARTY_SERVICE_RECORDS";

    /** The workbook's bytes; records who exported what and how many rows. */
    byte[] export(List<ServiceRecord> records, long unitId, int year, String workUnit, long userId, String username);
}
