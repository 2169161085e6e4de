/**
 * The rules of the award (成交) step, plain Java: when the award notice is due, and how a failed
 * auction is explained to the agency.
 */
package io.sunshine.procurement.award.control;
