package org.gridgov.web.desk.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.gridgov.desk.Assignee;
import org.gridgov.desk.CancelReason;
import org.gridgov.desk.CaseAction;
import org.gridgov.desk.CaseActionFields;
import org.gridgov.desk.CaseChannel;
import org.gridgov.desk.CaseCode;
import org.gridgov.desk.CaseStatus;
import org.gridgov.desk.CaseTimelineEntry;
import org.gridgov.desk.CaseView;
import org.gridgov.desk.DeadlineColour;
import org.gridgov.desk.DeadlineStage;
import org.gridgov.desk.DeskRole;
import org.gridgov.desk.HandlingLevel;
import org.gridgov.desk.RequestNature;
import org.gridgov.desk.Satisfaction;
import org.gridgov.desk.SupervisionLevel;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case API's JSON, written out in full: the web records keep the published field names, their order and the
 * shape of the timeline's parameters (a case code as day and sequence) whatever service-desk's views become.
 */
class CaseJsonMapperTest {

    private static final Instant AT = Instant.parse("2026-11-22T01:02:03Z");

    private final CaseJsonMapper mapper = Mappers.getMapper(CaseJsonMapper.class);
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aCaseKeepsEveryFieldInThePublishedOrder() {
        CaseView view = new CaseView(42, "20261122000042", "0101", RequestNature.REPORT, CaseChannel.PATROL, true,
                7, "Main Street 1", 31.5, 120.25, "a pothole", "Zhang", "138****0000", CaseStatus.HANDLING, 3,
                HandlingLevel.STREET, new Assignee(HandlingLevel.STREET, 9), 2, 1, 1, 1, 5, 0,
                SupervisionLevel.YELLOW, false, Satisfaction.SATISFIED, DeadlineStage.HANDLE, AT, AT.plusSeconds(60),
                DeadlineColour.YELLOW, false, AT, AT.plusSeconds(120), LocalDate.of(2027, 1, 4), null);

        JsonNode written = json.readTree(json.writeValueAsString(mapper.toJson(view)));

        assertThat(names(written)).containsExactly("id", "code", "categoryCode", "nature", "channel", "urgent",
                "gridUnitId", "address", "lat", "lng", "description", "reporterName", "reporterPhoneMasked", "status",
                "version", "level", "assignee", "pendingExtensionDays", "reworkCount", "escalationCount",
                "extensionCount", "extendedDays", "reopenCount", "supervision", "handledOnSpot", "callback", "stage",
                "stageYellowAt", "stageRedAt", "colour", "overdue", "reportedAt", "updatedAt", "reviewDate",
                "closedAt");
        assertThat(written.get("reviewDate").asString()).isEqualTo("2027-01-04");
        assertThat(written.get("assignee").toString()).isEqualTo("{\"level\":\"STREET\",\"unitId\":9}");
        assertThat(written.get("stageRedAt").asString()).isEqualTo("2026-11-22T01:03:03Z");
        assertThat(written.get("lat").asDouble()).isEqualTo(31.5);
    }

    @Test
    void aTimelineEntryWritesItsParametersAsPublished() {
        CaseActionFields fields = new CaseActionFields(new Assignee(HandlingLevel.COMMUNITY, 4), "too far",
                CancelReason.DUPLICATE, CaseCode.of(LocalDate.of(2026, 11, 21), 17), 3, SupervisionLevel.RED,
                Satisfaction.UNSATISFIED);
        CaseTimelineEntry entry = new CaseTimelineEntry(CaseAction.CANCEL, "dispatcher", DeskRole.COMMUNITY_DISPATCHER,
                4, AT, CaseStatus.REGISTERED, CaseStatus.CANCELLED, "seen before", List.of(11L, 12L), fields);

        String written = json.writeValueAsString(mapper.toTimeline(List.of(entry)).get(0));

        assertThat(written).isEqualTo("{\"action\":\"CANCEL\",\"userName\":\"dispatcher\","
                + "\"role\":\"COMMUNITY_DISPATCHER\",\"unitId\":4,\"at\":\"2026-11-22T01:02:03Z\","
                + "\"from\":\"REGISTERED\",\"to\":\"CANCELLED\",\"comment\":\"seen before\",\"attachments\":[11,12],"
                + "\"params\":{\"target\":{\"level\":\"COMMUNITY\",\"unitId\":4},\"reason\":\"too far\","
                + "\"cancelReason\":\"DUPLICATE\",\"duplicateOf\":{\"day\":\"2026-11-21\",\"sequence\":17},"
                + "\"extensionDays\":3,\"supervision\":\"RED\",\"satisfaction\":\"UNSATISFIED\",\"assisting\":[],"
                + "\"reviewDate\":null}}");
    }

    @Test
    void aTimelineEntryWithoutParametersWritesThemEmpty() {
        CaseTimelineEntry report = new CaseTimelineEntry(CaseAction.REPORT, "worker", DeskRole.GRID_WORKER, 7, AT,
                null, CaseStatus.REPORTED, null, List.of(), CaseActionFields.NONE);

        JsonNode written = json.readTree(json.writeValueAsString(mapper.toTimeline(List.of(report)).get(0)));

        assertThat(written.get("from").isNull()).isTrue();
        assertThat(written.get("params").toString()).isEqualTo("{\"target\":null,\"reason\":null,"
                + "\"cancelReason\":null,\"duplicateOf\":null,\"extensionDays\":null,\"supervision\":null,"
                + "\"satisfaction\":null,\"assisting\":[],\"reviewDate\":null}");
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }
}
