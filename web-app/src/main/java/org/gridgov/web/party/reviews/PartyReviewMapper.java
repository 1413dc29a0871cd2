package org.gridgov.web.party.reviews;

import java.util.List;

import org.gridgov.web.party.reviews.PartyReviewJson.CoverageView;
import org.gridgov.web.party.reviews.PartyReviewJson.EvaluationView;
import org.gridgov.web.party.reviews.PartyReviewJson.LedgerItemView;
import org.gridgov.web.party.reviews.PartyReviewJson.ServiceRecord;
import org.gridgov.web.party.reviews.PartyReviewJson.StarScoreView;
import org.mapstruct.Mapper;

/** Party reviews' views to the API's records (the API and the pages bind the domain's commands directly). */
@Mapper
interface PartyReviewMapper {

    CoverageView toJson(org.gridgov.party.CoverageView coverage);

    EvaluationView toJson(org.gridgov.party.EvaluationView evaluation);

    List<ServiceRecord> toServiceRecords(List<org.gridgov.party.ServiceRecord> records);

    StarScoreView toJson(org.gridgov.party.StarScoreView score);

    List<StarScoreView> toScores(List<org.gridgov.party.StarScoreView> scores);

    LedgerItemView toJson(org.gridgov.party.LedgerItemView item);

    List<LedgerItemView> toLedger(List<org.gridgov.party.LedgerItemView> items);
}
