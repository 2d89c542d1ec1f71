/**
 * The lending program's client, generated at run time by @anchor-lang/core from the checked-in
 * IDL (`idl/lending.json`, typed by `idl/lending.ts`). Nothing here hand-encodes an
 * instruction or an account.
 */
import { AnchorProvider, Program, type Wallet } from "@anchor-lang/core";
import { Connection, PublicKey, type Transaction, type VersionedTransaction } from "@solana/web3.js";
import idlJson from "../../../idl/lending.json";
import type { Lending } from "../../../idl/lending";

/** The program's address, from the IDL. */
export const PROGRAM_ID = new PublicKey(idlJson.address);

/** The IDL's error list (code → name and message). */
export const IDL_ERRORS: { code: number; name: string; msg: string }[] = idlJson.errors;

/**
 * A wallet stand-in for the provider: @anchor-lang/core only needs a public key to build
 * instructions; signing goes through the Wallet Standard wallet (see `wallet/standard.ts`).
 */
class ReadOnlyWallet implements Wallet {
  constructor(readonly publicKey: PublicKey) {}
  get payer(): never {
    throw new Error("the app never holds a keypair");
  }
  signTransaction<T extends Transaction | VersionedTransaction>(): Promise<T> {
    return Promise.reject(new Error("sign through the connected wallet"));
  }
  signAllTransactions<T extends Transaction | VersionedTransaction>(): Promise<T[]> {
    return Promise.reject(new Error("sign through the connected wallet"));
  }
}

/** A `Program<Lending>` over `connection`, acting for `user` (any key when browsing). */
export function lendingProgram(connection: Connection, user: PublicKey | null): Program<Lending> {
  const wallet = new ReadOnlyWallet(user ?? PublicKey.default);
  const provider = new AnchorProvider(connection, wallet, { commitment: "confirmed" });
  return new Program<Lending>(idlJson as unknown as Lending, provider);
}

/** The obligation PDA of `owner` in `market` (seeds as in `init_obligation`). */
export function obligationAddress(market: PublicKey, owner: PublicKey, id = 0n): PublicKey {
  const idBytes = new Uint8Array(8);
  new DataView(idBytes.buffer).setBigUint64(0, id, true);
  return PublicKey.findProgramAddressSync(
    [new TextEncoder().encode("obligation"), market.toBytes(), owner.toBytes(), idBytes],
    PROGRAM_ID,
  )[0];
}

/** The PDA of e-mode group `id` of `market` (seeds as in `init_emode_group`). */
export function groupAddress(market: PublicKey, id: number): PublicKey {
  return PublicKey.findProgramAddressSync(
    [new TextEncoder().encode("emode_group"), market.toBytes(), Uint8Array.of(id)],
    PROGRAM_ID,
  )[0];
}
