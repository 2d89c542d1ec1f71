// Type-level test of idl/lending.ts (generated from the IDL by crates/lending-idl): a
// `Program<Lending>` built from the JSON IDL must expose the program's instructions, accounts
// and arguments under the names and types TypeScript clients use. `tsc` fails on any drift;
// ./scripts/test runs it.
import { AnchorProvider, BN, Program } from "@anchor-lang/core";
import { PublicKey } from "@solana/web3.js";
import type { Lending } from "../../idl/lending";
import idl from "../../idl/lending.json";

/** A typed client of the program. */
export function lendingProgram(provider: AnchorProvider): Program<Lending> {
  return new Program<Lending>(idl as unknown as Lending, provider);
}

/** Builds a deposit: arguments and accounts are checked against the generated type. */
export async function depositInstruction(
  program: Program<Lending>,
  accounts: {
    user: PublicKey;
    market: PublicKey;
    reserve: PublicKey;
    liquidityMint: PublicKey;
    supplyVault: PublicKey;
    shareMint: PublicKey;
    userLiquidity: PublicKey;
    userShares: PublicKey;
    tokenProgram: PublicKey;
  },
  amount: BN,
) {
  return program.methods
    .depositReserveLiquidity(amount)
    .accountsPartial(accounts)
    .instruction();
}

/** Reads an obligation: field names and types come from the generated type. */
export async function obligationHealth(program: Program<Lending>, address: PublicKey) {
  const ob = await program.account.obligation.fetch(address);
  const owner: PublicKey = ob.owner;
  const deposits: number = ob.depositsLen;
  return { owner, deposits, lastSlot: ob.lastUpdate.slot as BN };
}

// Every instruction of the program is a method of the typed client.
type Methods = keyof Program<Lending>["methods"];
const expected: Methods[] = [
  "initMarket",
  "initReserve",
  "refreshReserve",
  "refreshObligation",
  "depositReserveLiquidity",
  "depositAndCollateralize",
  "withdrawAndRedeem",
  "borrowObligationLiquidity",
  "repayObligationLiquidity",
  "liquidateObligation",
  "flashBorrow",
  "flashRepay",
];
export const instructionNames = expected;
