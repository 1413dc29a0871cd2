package org.gridgov.web.work.points;

import java.util.List;

import org.gridgov.web.work.points.PointJson.ExchangeView;
import org.gridgov.web.work.points.PointJson.GoodsView;
import org.gridgov.web.work.points.PointJson.PersonLedger;
import org.gridgov.web.work.points.PointJson.PointRanking;
import org.gridgov.web.work.points.PointJson.PointRuleView;
import org.gridgov.work.NewExchange;
import org.gridgov.work.NewGoods;
import org.gridgov.work.PointRuleEdit;
import org.mapstruct.Mapper;

/**
 * Points' mapping: the pages' forms to the commands the API takes as its bodies (exchange, new goods, rule edit),
 * and the domain's views to the API's records.
 */
@Mapper
interface PointMapper {

    NewExchange toCommand(PointForms.Exchange form);

    NewGoods toCommand(PointForms.Goods form);

    PointRuleEdit toEdit(PointForms.Rule form);

    PointRuleView toJson(org.gridgov.work.PointRuleView rule);

    List<PointRuleView> toRules(List<org.gridgov.work.PointRuleView> rules);

    PersonLedger toJson(org.gridgov.work.PersonLedger ledger);

    GoodsView toJson(org.gridgov.work.GoodsView goods);

    List<GoodsView> toGoods(List<org.gridgov.work.GoodsView> goods);

    ExchangeView toJson(org.gridgov.work.ExchangeView exchange);

    PointRanking toJson(org.gridgov.work.PointRanking ranking);
}
