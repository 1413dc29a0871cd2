package org.gridgov.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Names for streets, communities, villages, compounds and roads of the fictional 示范县, and Chinese numerals. */
final class PlaceNames {

    static final String COUNTY = "示范县";

    static final String[] URBAN_STREETS = {"城关街道", "城东街道", "城西街道"};
    static final String[] RURAL_TOWNS = {"王店镇", "青山镇", "柳林镇", "马营乡", "石门镇", "河口乡", "白杨镇"};

    private static final String[] COMMUNITY_WORDS = {
        "幸福", "和平", "建设", "解放", "人民", "文化", "新华", "东关", "西关", "南关", "北关", "光明", "胜利",
        "团结", "友谊", "滨河", "龙山", "金桥", "朝阳", "向阳", "红旗", "丹江", "商山", "民主", "府前", "站前",
        "新城", "花园", "书香", "中心", "迎宾", "育才"};

    private static final String[] VILLAGE_HEADS = {
        "李", "王", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "马", "郭", "孙", "何", "高", "石", "柳",
        "杏", "桃", "松", "枣", "槐", "杨家", "李家", "王家", "张家", "前", "后", "东", "西", "南", "北", "大",
        "小", "上", "下", "青石", "白土", "黑龙", "红土", "金鸡", "卧牛", "双河", "三岔", "五里", "七里", "十里"};
    private static final String[] VILLAGE_TAILS = {
        "庄", "营", "湾", "沟", "坪", "河", "岭", "寨", "店", "铺", "集", "岗", "洼", "园", "坡", "峪", "口", "台"};

    private static final String[] COMPOUND_WORDS = {
        "幸福", "阳光", "锦绣", "和谐", "金色", "翠竹", "龙湖", "滨河", "丹江", "书香", "泰和", "康乐", "美景",
        "紫荆", "桂花", "碧水", "明珠", "御景", "盛世", "东方", "世纪", "凤凰", "银杏", "兰亭", "金桂", "绿城",
        "怡园", "祥和", "华府", "名门", "玉兰", "水岸", "春天", "恒大", "建业", "鑫苑", "锦华", "天润", "宏达",
        "金水", "清风", "聚福", "安居", "福源", "瑞景", "嘉和", "正阳", "文昌"};
    private static final String[] COMPOUND_TAILS = {
        "家园小区", "花园小区", "名苑", "雅居", "新村", "小区", "公寓", "佳苑", "华庭", "家属院"};

    private static final String[] ROADS = {
        "人民路", "解放路", "建设路", "文化路", "中山路", "新华路", "府前街", "东大街", "西大街", "滨河路", "商山路",
        "丹江大道", "工业路", "育才路", "迎宾大道", "北环路"};

    private static final String DIGITS = "零一二三四五六七八九";

    private PlaceNames() {
    }

    /** {@code count} distinct community names ("幸福社区"); more than the word list gets numbered names. */
    static List<String> communities(Random rng, int count, Set<String> taken) {
        List<String> words = shuffled(rng, COMMUNITY_WORDS);
        List<String> names = new ArrayList<>();
        int i = 0;
        while (names.size() < count) {
            String name = i < words.size() ? words.get(i) + "社区" : words.get(i % words.size()) + (i / words.size() + 1) + "社区";
            i++;
            if (taken.add(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** A village name unique in the county ("李庄村"). */
    static String village(Random rng, Set<String> taken) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String name = VILLAGE_HEADS[rng.nextInt(VILLAGE_HEADS.length)]
                    + VILLAGE_TAILS[rng.nextInt(VILLAGE_TAILS.length)] + "村";
            if (taken.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("village names exhausted");
    }

    /** The surname a village is named after ("李庄村" → 李), or null. */
    static String villageSurname(String village) {
        String first = village.substring(0, 1);
        return ChineseNames.isSurname(first) && !"东西南北大小上下前后石柳".contains(first) ? first : null;
    }

    /** A compound name unique within {@code taken} ("阳光花园小区"). */
    static String compound(Random rng, Set<String> taken) {
        for (int attempt = 0; attempt < 10_000; attempt++) {
            String name = COMPOUND_WORDS[rng.nextInt(COMPOUND_WORDS.length)]
                    + COMPOUND_TAILS[rng.nextInt(COMPOUND_TAILS.length)];
            if (taken.add(name)) {
                return name;
            }
        }
        throw new IllegalStateException("compound names exhausted");
    }

    static String road(Random rng) {
        return ROADS[rng.nextInt(ROADS.length)];
    }

    /** Chinese numerals for 1–99: 一, 十, 十二, 二十, 二十三. */
    static String chinese(int n) {
        if (n < 1 || n > 99) {
            return String.valueOf(n);
        }
        if (n < 10) {
            return String.valueOf(DIGITS.charAt(n));
        }
        int tens = n / 10;
        int ones = n % 10;
        return (tens == 1 ? "" : String.valueOf(DIGITS.charAt(tens))) + "十"
                + (ones == 0 ? "" : String.valueOf(DIGITS.charAt(ones)));
    }

    private static List<String> shuffled(Random rng, String[] values) {
        List<String> list = new ArrayList<>(List.of(values));
        java.util.Collections.shuffle(list, rng);
        return list;
    }

    static Set<String> newNameSet() {
        return new HashSet<>();
    }
}
