package org.gridgov.work.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

import org.gridgov.grid.DataScope;
import org.gridgov.grid.DataScopeContext;
import org.gridgov.grid.DomainException;
import org.gridgov.grid.Hierarchy;
import org.gridgov.grid.NotFoundException;
import org.gridgov.grid.PlatformTime;
import org.gridgov.grid.StaleVersionException;
import org.gridgov.grid.UnitView;
import org.gridgov.work.ExchangeRefused;
import org.gridgov.work.ExchangeView;
import org.gridgov.work.GoodsEdit;
import org.gridgov.work.GoodsView;
import org.gridgov.work.LedgerEntryView;
import org.gridgov.work.NewExchange;
import org.gridgov.work.NewGoods;
import org.gridgov.work.PersonKind;
import org.gridgov.work.PersonLedger;
import org.gridgov.work.PointEvent;
import org.gridgov.work.PointRanking;
import org.gridgov.work.PointRuleEdit;
import org.gridgov.work.PointRuleView;
import org.gridgov.work.Points;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Rules, ledgers, goods and exchanges, in SQL with bound parameters; the scope is checked on every person and unit. */
@Service
@Transactional(readOnly = true)
class PointsService implements Points {

    private static final String GOODS = "select g.id, g.name, g.description, g.price, g.stock, g.unit_id, u.name,"
            + " g.active, g.version from work.goods g left join grid.unit u on u.id = g.unit_id";

    private final JdbcTemplate jdbc;
    private final People people;
    private final Hierarchy hierarchy;
    private final PointRankings rankings;
    private final PlatformTime time;

    PointsService(JdbcTemplate jdbc, People people, Hierarchy hierarchy, PointRankings rankings, PlatformTime time) {
        this.jdbc = jdbc;
        this.people = people;
        this.hierarchy = hierarchy;
        this.rankings = rankings;
        this.time = time;
    }

    @Override
    public List<PointRuleView> rules() {
        return jdbc.query("select id, event_kind, earner_kind, points, enabled, valid_from, updated_at, updated_by,"
                + " version from work.point_rule order by id", (rs, n) -> new PointRuleView(rs.getLong(1),
                PointEvent.valueOf(rs.getString(2)), PersonKind.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getBoolean(5), rs.getObject(6, java.time.LocalDate.class), rs.getTimestamp(7).toInstant(),
                rs.getString(8), rs.getLong(9)));
    }

    @Override
    @Transactional
    public PointRuleView editRule(long id, PointRuleEdit edit, String editedBy) {
        if (edit.points() == null || edit.points() < 0 || edit.points() > 1000) {
            throw DomainException.onField("points", "points.rule.range", 0, 1000);
        }
        if (edit.validFrom() == null) {
            throw DomainException.onField("validFrom", "points.rule.validFrom");
        }
        rule(id);
        int updated = jdbc.update("update work.point_rule set points = ?, enabled = ?, valid_from = ?,"
                + " updated_at = ?, updated_by = ?, version = version + 1 where id = ? and version = ?",
                edit.points(), edit.enabled(), edit.validFrom(), Timestamp.from(time.now()), editedBy, id,
                edit.version());
        if (updated == 0) {
            throw new StaleVersionException("point rule", id);
        }
        return rule(id);
    }

    private PointRuleView rule(long id) {
        return rules().stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("point rule", id));
    }

    @Override
    public PersonLedger ledger(PersonKind kind, long personId) {
        Person person = inScope(kind, personId);
        List<int[]> account = jdbc.query("select balance, earned from work.point_account where person_kind = ?"
                + " and person_id = ?", (rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}, kind.name(), personId);
        List<LedgerEntryView> entries = jdbc.query("select id, delta, reason, source_id, source_ref, balance_after,"
                + " created_at, created_by from work.point_entry where person_kind = ? and person_id = ?"
                + " order by id desc limit 500", (rs, n) -> new LedgerEntryView(rs.getLong(1), rs.getInt(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                rs.getString(8)), kind.name(), personId);
        int[] totals = account.isEmpty() ? new int[] {0, 0} : account.get(0);
        return new PersonLedger(kind, personId, person.name(), person.unitId(), totals[0], totals[1], entries);
    }

    @Override
    public List<GoodsView> goods() {
        String scope = scope().path();
        return jdbc.query(GOODS + " where g.unit_path = '/' or g.unit_path like ? or ? like g.unit_path || '%'"
                + " order by g.active desc, g.price, g.id", GoodsRows.MAPPER, scope + "%", scope);
    }

    @Override
    public GoodsView goods(long id) {
        return goods().stream().filter(g -> g.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("goods", id));
    }

    @Override
    @Transactional
    public GoodsView addGoods(NewGoods command, String addedBy) {
        String path = "/";
        if (command.unitId() != null) {
            hierarchy.get(command.unitId());
            path = hierarchy.scopeOf(command.unitId()).path();
        }
        else if (!scopeIsWholeCounty()) {
            throw DomainException.onField("unitId", "points.goods.unitRequired");
        }
        Long id = jdbc.queryForObject("insert into work.goods (name, description, price, stock, unit_id, unit_path,"
                + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?) returning id", Long.class,
                command.name().strip(), blankToNull(command.description()), command.price(), command.stock(),
                command.unitId(), path, addedBy, Timestamp.from(time.now()));
        return goods(id);
    }

    @Override
    @Transactional
    public GoodsView editGoods(long id, GoodsEdit edit, String editedBy) {
        manageable(id);
        int updated = jdbc.update("update work.goods set name = ?, description = ?, price = ?, stock = ?, active = ?,"
                + " updated_at = ?, updated_by = ?, version = version + 1 where id = ? and version = ?",
                edit.name().strip(), blankToNull(edit.description()), edit.price(), edit.stock(), edit.active(),
                Timestamp.from(time.now()), editedBy, id, edit.version());
        if (updated == 0) {
            throw new StaleVersionException("goods", id);
        }
        return goods(id);
    }

    /** Goods the caller may change: of a unit in its scope, or the county-wide catalogue for the county's root. */
    private void manageable(long id) {
        List<String> path = jdbc.queryForList("select unit_path from work.goods where id = ?", String.class, id);
        if (path.isEmpty() || !(scope().covers(path.get(0)) || "/".equals(path.get(0)) && scopeIsWholeCounty())) {
            throw new NotFoundException("goods", id);
        }
    }

    @Override
    @Transactional
    public ExchangeView exchange(NewExchange command, String exchangedBy) {
        Person person = inScope(command.personKind(), command.personId());
        List<Object[]> found = jdbc.query("select name, price, unit_path, active from work.goods where id = ?",
                (rs, n) -> new Object[] {rs.getString(1), rs.getInt(2), rs.getString(3), rs.getBoolean(4)},
                command.goodsId());
        if (found.isEmpty() || !offeredTo(person, (String) found.get(0)[2]) || !(Boolean) found.get(0)[3]) {
            throw DomainException.onField("goodsId", "points.goods.notOffered");
        }
        String name = (String) found.get(0)[0];
        int price = (Integer) found.get(0)[1];
        int quantity = command.quantity();
        int points = price * quantity;
        // conditional updates: the row lock orders concurrent exchanges, the condition is re-checked after the wait;
        // the price seen must still hold (a price changed meanwhile refuses the exchange rather than charge it)
        List<Integer> stock = jdbc.queryForList("update work.goods set stock = stock - ?, version = version + 1"
                + " where id = ? and active and price = ? and stock >= ? returning stock", Integer.class, quantity,
                command.goodsId(), price, quantity);
        if (stock.isEmpty()) {
            throw new ExchangeRefused("points.exchange.outOfStock", name, quantity);
        }
        PointAwards.lockAccount(jdbc, person);
        List<Integer> balance = jdbc.queryForList("update work.point_account set balance = balance - ?,"
                + " version = version + 1 where person_kind = ? and person_id = ? and balance >= ? returning balance",
                Integer.class, points, person.kind().name(), person.id(), points);
        if (balance.isEmpty()) {
            throw new ExchangeRefused("points.exchange.notEnoughPoints", points, currentBalance(person));
        }
        Timestamp now = Timestamp.from(time.now());
        Long exchangeId = jdbc.queryForObject("insert into work.exchange (person_kind, person_id, goods_id, quantity,"
                + " points, unit_path, exchanged_at, exchanged_by) values (?, ?, ?, ?, ?, ?, ?, ?) returning id",
                Long.class, person.kind().name(), person.id(), command.goodsId(), quantity, points,
                person.unitPath(), now, exchangedBy);
        jdbc.update("insert into work.point_entry (person_kind, person_id, delta, reason, source_id, source_ref,"
                + " balance_after, unit_path, created_at, created_by) values (?, ?, ?, 'EXCHANGE', ?, ?, ?, ?, ?, ?)",
                person.kind().name(), person.id(), -points, exchangeId, abbreviate(quantity + " × " + name, 40),
                balance.get(0), person.unitPath(), now, exchangedBy);
        return new ExchangeView(exchangeId, person.kind(), person.id(), command.goodsId(), name, quantity, points,
                balance.get(0), stock.get(0), now.toInstant(), exchangedBy);
    }

    @Override
    public PointRanking ranking(long unitId, String period, int limit) {
        UnitView unit = hierarchy.get(unitId);
        return rankings.of(unit, hierarchy.scopeOf(unitId).path(), period, limit);
    }

    private int currentBalance(Person person) {
        return jdbc.queryForObject("select balance from work.point_account where person_kind = ? and person_id = ?",
                Integer.class, person.kind().name(), person.id());
    }

    /** Goods of the county catalogue, or of a unit on the person's own branch of the tree. */
    private static boolean offeredTo(Person person, String goodsPath) {
        return "/".equals(goodsPath) || person.unitPath().startsWith(goodsPath);
    }

    private Person inScope(PersonKind kind, long id) {
        return people.find(kind, id).filter(p -> scope().covers(p.unitPath()))
                .orElseThrow(() -> new NotFoundException("person", id));
    }

    private static DataScope scope() {
        return DataScopeContext.current().orElseThrow(() -> new NotFoundException("scope", "none"));
    }

    private boolean scopeIsWholeCounty() {
        DataScope scope = scope();
        return scope.isSystem() || jdbc.queryForObject("select count(*) from grid.unit where parent_id is null"
                + " and path = ?", Long.class, scope.path()) > 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** Maps a row of {@link #GOODS}. */
    static final class GoodsRows {
        static final RowMapper<GoodsView> MAPPER = GoodsRows::map;

        private GoodsRows() {
        }

        private static GoodsView map(ResultSet rs, int n) throws SQLException {
            Long unit = rs.getObject(6, Long.class);
            return new GoodsView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), unit,
                    rs.getString(7), rs.getBoolean(8), rs.getLong(9));
        }
    }
}
