/**
 * The contract (合同, stage 4) as pure functions: the terms a purchaser sets and their rules ({@link
 * io.sunshine.procurement.contract.control.ContractTerms}: payment milestones adding up to exactly
 * 100 %, a performance bond of at most 10 % — 实施条例 第四十八条), the awarded total spread over the lot's
 * lines at the bid price ({@link io.sunshine.procurement.contract.control.PriceAllocation}), the
 * wording per procurement method from {@code config/contracts} ({@link
 * io.sunshine.procurement.contract.control.ContractTemplate}), and the contract PDF with the empty
 * areas where the parties' stamps go ({@link
 * io.sunshine.procurement.contract.control.ContractDocument}). Nothing here reads a clock, a
 * database or the container; the boundary stores what it renders and has it signed.
 */
package io.sunshine.procurement.contract.control;
