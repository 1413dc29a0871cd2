/**
 * grid-work: what grid workers do in the street and officials watch — household visits (走访) by the colour's interval,
 * patrols (巡查) with their route, warning broadcasts (预警) turned into door-knock tasks (敲门), and points (积分) with a
 * catalogue of goods. Builds on grid-core (households, grids, scope), service-desk (a visit or patrol raises a case)
 * and party-org (completed wishes earn points); only web-app depends on it. Its {@code internal} package is private.
 */
package org.gridgov.work;
