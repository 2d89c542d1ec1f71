/**
 * Type of the `lending` program's IDL for TypeScript clients (`Program<Lending>` of
 * @anchor-lang/core), generated from `idl/lending.json` by crates/lending-idl: do not edit.
 * Names are lowerCamelCase, as @anchor-lang/core converts the JSON IDL at run time.
 */
export type Lending = {
  "address": "Boup4aMf2GPo4C5BNx8ksAMR5eaTysTc4fCGfcuFQvhj",
  "metadata": {
    "name": "lending",
    "version": "0.1.0",
    "spec": "0.1.0",
    "description": "Solana lending protocol: markets, reserves, obligations, liquidations and flash loans"
  },
  "docs": [
    "The program's instructions; each delegates to its module in [`instructions`]."
  ],
  "instructions": [
    {
      "name": "acceptOwner",
      "docs": [
        "Accepts a pending ownership transfer."
      ],
      "discriminator": [
        176,
        23,
        41,
        28,
        23,
        111,
        8,
        4
      ],
      "accounts": [
        {
          "name": "pendingOwner",
          "docs": [
            "The pending owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "applyChange",
      "docs": [
        "Applies a queued change once its delay has passed, before it expires (anyone)."
      ],
      "discriminator": [
        248,
        177,
        9,
        41,
        50,
        98,
        255,
        50
      ],
      "accounts": [
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true,
          "relations": [
            "pending"
          ]
        },
        {
          "name": "pending",
          "docs": [
            "The queued change (closed to its payer)."
          ],
          "writable": true
        },
        {
          "name": "target",
          "docs": [
            "The account the change is made to (the market itself for market-wide settings)."
          ],
          "writable": true
        },
        {
          "name": "payer",
          "docs": [
            "Who paid the rent."
          ],
          "writable": true,
          "relations": [
            "pending"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "borrowObligationLiquidity",
      "docs": [
        "Borrows against an obligation's collateral."
      ],
      "discriminator": [
        121,
        127,
        18,
        204,
        73,
        245,
        225,
        65
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Obligation owner."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve lending (its fee vault receives the origination fee).",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "feeVault",
          "docs": [
            "The reserve's fee vault."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Owner's token account receiving the loan."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "cancelChange",
      "docs": [
        "Cancels a queued change (owner or guardian; anyone once it expired)."
      ],
      "discriminator": [
        100,
        30,
        4,
        148,
        3,
        244,
        243,
        168
      ],
      "accounts": [
        {
          "name": "signer",
          "docs": [
            "The owner, the guardian, or (for an expired change) anyone."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true,
          "relations": [
            "pending"
          ]
        },
        {
          "name": "pending",
          "docs": [
            "The queued change (closed to its payer)."
          ],
          "writable": true
        },
        {
          "name": "payer",
          "docs": [
            "Who paid the rent."
          ],
          "writable": true,
          "relations": [
            "pending"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "cancelUnstake",
      "docs": [
        "Cancels an unstake request: its shares come back."
      ],
      "discriminator": [
        64,
        65,
        53,
        227,
        125,
        153,
        3,
        167
      ],
      "accounts": [
        {
          "name": "staker",
          "docs": [
            "The staker; gets the request's rent back."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "fund",
          "docs": [
            "The insurance fund."
          ],
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "shareMint",
          "docs": [
            "The fund's share mint."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "stakerShares",
          "docs": [
            "The staker's account receiving the shares back."
          ],
          "writable": true
        },
        {
          "name": "request",
          "docs": [
            "The staker's request."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The fund's token program."
          ],
          "relations": [
            "fund"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "claimProtocolFees",
      "docs": [
        "Sweeps protocol fees to the owner's account."
      ],
      "discriminator": [
        34,
        142,
        219,
        112,
        109,
        54,
        133,
        23
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "feeVault",
          "docs": [
            "The reserve's fee vault."
          ],
          "writable": true
        },
        {
          "name": "destination",
          "docs": [
            "Where the fees go."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": []
    },
    {
      "name": "collectFundFees",
      "docs": [
        "Moves the insurance fund's cut accrued in its reserve into the fund (permissionless)."
      ],
      "discriminator": [
        249,
        78,
        134,
        205,
        219,
        183,
        81,
        12
      ],
      "accounts": [
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The insured reserve, loaded with the accounts it names checked against it."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "fund",
          "docs": [
            "The reserve's insurance fund."
          ],
          "writable": true
        },
        {
          "name": "vault",
          "docs": [
            "The fund's vault."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": []
    },
    {
      "name": "depositAndCollateralize",
      "docs": [
        "Supplies liquidity straight into an obligation as collateral."
      ],
      "discriminator": [
        85,
        186,
        107,
        98,
        222,
        58,
        91,
        99
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Obligation owner."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Owner's token account of the asset (pays it in, or receives it)."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "depositObligationCollateral",
      "docs": [
        "Moves deposit shares into an obligation as collateral."
      ],
      "discriminator": [
        108,
        209,
        4,
        72,
        21,
        22,
        118,
        133
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Obligation owner."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve the collateral is in.",
            "Loaded with the accounts it names checked against it."
          ]
        },
        {
          "name": "shareMint",
          "docs": [
            "The reserve's share mint."
          ],
          "writable": true
        },
        {
          "name": "userShares",
          "docs": [
            "Owner's share account (pays the shares in, or receives them)."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "shares",
          "type": "u64"
        }
      ]
    },
    {
      "name": "depositReserveLiquidity",
      "docs": [
        "Supplies liquidity for deposit shares."
      ],
      "discriminator": [
        169,
        201,
        30,
        126,
        6,
        205,
        102,
        68
      ],
      "accounts": [
        {
          "name": "user",
          "docs": [
            "Depositor."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "shareMint",
          "docs": [
            "The reserve's share mint."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Depositor's token account of the asset."
          ],
          "writable": true
        },
        {
          "name": "userShares",
          "docs": [
            "Depositor's token account receiving shares."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "flashBorrow",
      "docs": [
        "Takes a flash loan, repaid later in the same transaction."
      ],
      "discriminator": [
        166,
        221,
        220,
        25,
        61,
        73,
        127,
        240
      ],
      "accounts": [
        {
          "name": "user",
          "docs": [
            "Borrower."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve lending.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Borrower's token account (receives the loan, pays it back)."
          ],
          "writable": true
        },
        {
          "name": "instructions",
          "docs": [
            "The instructions sysvar."
          ],
          "address": "Sysvar1nstructions1111111111111111111111111"
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "flashRepay",
      "docs": [
        "Repays the flash loan taken at `borrow_instruction_index`."
      ],
      "discriminator": [
        182,
        143,
        19,
        23,
        39,
        221,
        184,
        78
      ],
      "accounts": [
        {
          "name": "user",
          "docs": [
            "Borrower."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve lending.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Borrower's token account (receives the loan, pays it back)."
          ],
          "writable": true
        },
        {
          "name": "instructions",
          "docs": [
            "The instructions sysvar."
          ],
          "address": "Sysvar1nstructions1111111111111111111111111"
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        },
        {
          "name": "borrowInstructionIndex",
          "type": "u8"
        }
      ]
    },
    {
      "name": "initEmodeGroup",
      "docs": [
        "Creates an e-mode group (isolated when a debt reserve is passed)."
      ],
      "discriminator": [
        184,
        104,
        138,
        85,
        214,
        103,
        96,
        88
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner; pays rent."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "group",
          "docs": [
            "The new group, at `[\"emode_group\", market, [id]]`."
          ],
          "writable": true
        },
        {
          "name": "debtReserve",
          "docs": [
            "Isolated groups only: the one reserve the group's obligations may borrow from."
          ],
          "optional": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "id",
          "type": "u8"
        },
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "emodeGroupParams"
            }
          }
        }
      ]
    },
    {
      "name": "initInsuranceFund",
      "docs": [
        "Gives a reserve its first-loss insurance fund, with a locked seed stake."
      ],
      "discriminator": [
        92,
        192,
        77,
        17,
        160,
        115,
        251,
        28
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner; pays rent and the seed stake."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "reserve"
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve to insure."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ],
          "relations": [
            "reserve"
          ]
        },
        {
          "name": "fund",
          "docs": [
            "The new fund, at `[\"insurance_fund\", reserve]`."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  105,
                  110,
                  115,
                  117,
                  114,
                  97,
                  110,
                  99,
                  101,
                  95,
                  102,
                  117,
                  110,
                  100
                ]
              },
              {
                "kind": "account",
                "path": "reserve"
              }
            ]
          }
        },
        {
          "name": "vault",
          "docs": [
            "The fund's vault, owned by the fund."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  102,
                  117,
                  110,
                  100,
                  95,
                  118,
                  97,
                  117,
                  108,
                  116
                ]
              },
              {
                "kind": "account",
                "path": "reserve"
              }
            ]
          }
        },
        {
          "name": "shareMint",
          "docs": [
            "The fund's share mint, with the fund as mint authority."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  102,
                  117,
                  110,
                  100,
                  95,
                  115,
                  104,
                  97,
                  114,
                  101,
                  115
                ]
              },
              {
                "kind": "account",
                "path": "reserve"
              }
            ]
          }
        },
        {
          "name": "seedSource",
          "docs": [
            "Owner's token account funding the seed stake."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ],
          "relations": [
            "reserve"
          ]
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "cuts",
          "type": {
            "defined": {
              "name": "fundCutsParams"
            }
          }
        },
        {
          "name": "seedAmount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "initMarket",
      "docs": [
        "Creates a lending market owned by the signer."
      ],
      "discriminator": [
        33,
        253,
        15,
        116,
        89,
        25,
        127,
        236
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Becomes the market owner; pays rent."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The new market (a fresh keypair account)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "initMarketParams"
            }
          }
        }
      ]
    },
    {
      "name": "initObligation",
      "docs": [
        "Opens an obligation."
      ],
      "discriminator": [
        251,
        10,
        231,
        76,
        27,
        11,
        159,
        96
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Owner of the new obligation; pays rent."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The new obligation."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  111,
                  98,
                  108,
                  105,
                  103,
                  97,
                  116,
                  105,
                  111,
                  110
                ]
              },
              {
                "kind": "account",
                "path": "market"
              },
              {
                "kind": "account",
                "path": "owner"
              },
              {
                "kind": "arg",
                "path": "id"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "id",
          "type": "u64"
        }
      ]
    },
    {
      "name": "initOraclePrice",
      "docs": [
        "Creates an asset's price account in a market."
      ],
      "discriminator": [
        35,
        61,
        133,
        251,
        185,
        69,
        91,
        124
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner; pays rent."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "mint",
          "docs": [
            "The priced asset."
          ]
        },
        {
          "name": "oracle",
          "docs": [
            "The new price account."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  111,
                  114,
                  97,
                  99,
                  108,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "market"
              },
              {
                "kind": "account",
                "path": "mint"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "oracleParams"
            }
          }
        }
      ]
    },
    {
      "name": "initReserve",
      "docs": [
        "Lists an asset with a mandatory seed deposit."
      ],
      "discriminator": [
        138,
        245,
        71,
        225,
        153,
        4,
        3,
        43
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner; pays rent and the seed deposit."
          ],
          "writable": true,
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true,
          "relations": [
            "oracle"
          ]
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The asset to list."
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The new reserve."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  114,
                  101,
                  115,
                  101,
                  114,
                  118,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "market"
              },
              {
                "kind": "account",
                "path": "liquidityMint"
              }
            ]
          }
        },
        {
          "name": "supplyVault",
          "docs": [
            "Vault of available liquidity, owned by the reserve."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  117,
                  112,
                  112,
                  108,
                  121
                ]
              },
              {
                "kind": "account",
                "path": "reserve"
              }
            ]
          }
        },
        {
          "name": "feeVault",
          "docs": [
            "Vault of protocol fees, owned by the reserve."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  102,
                  101,
                  101,
                  115
                ]
              },
              {
                "kind": "account",
                "path": "reserve"
              }
            ]
          }
        },
        {
          "name": "shareMint",
          "docs": [
            "Mint of deposit shares, with the reserve as mint authority."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  115,
                  104,
                  97,
                  114,
                  101,
                  115
                ]
              },
              {
                "kind": "account",
                "path": "reserve"
              }
            ]
          }
        },
        {
          "name": "oracle",
          "docs": [
            "The asset's price account in this market."
          ]
        },
        {
          "name": "seedSource",
          "docs": [
            "Owner's token account funding the seed deposit."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "Token program of the asset (SPL Token or Token-2022)."
          ]
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "config",
          "type": {
            "defined": {
              "name": "reserveConfigParams"
            }
          }
        },
        {
          "name": "seedAmount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "liquidateObligation",
      "docs": [
        "Liquidates an unhealthy obligation within the liquidator's bounds."
      ],
      "discriminator": [
        174,
        105,
        88,
        231,
        44,
        70,
        232,
        134
      ],
      "accounts": [
        {
          "name": "liquidator",
          "docs": [
            "Liquidator."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The unhealthy obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "repayReserve",
          "docs": [
            "Reserve of the debt being repaid.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "repayMint",
          "docs": [
            "Debt side.",
            "The reserve's asset."
          ]
        },
        {
          "name": "repaySupplyVault",
          "docs": [
            "Debt side.",
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "liquidatorRepaySource",
          "docs": [
            "Liquidator's token account paying the debt."
          ],
          "writable": true
        },
        {
          "name": "repayTokenProgram",
          "docs": [
            "Debt side.",
            "The reserve's token program."
          ]
        },
        {
          "name": "collateralReserve",
          "docs": [
            "Reserve of the collateral being seized.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "collateralMint",
          "docs": [
            "Collateral side.",
            "The reserve's asset."
          ]
        },
        {
          "name": "collateralSupplyVault",
          "docs": [
            "Collateral side.",
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "collateralShareMint",
          "docs": [
            "Collateral side.",
            "The reserve's share mint."
          ],
          "writable": true
        },
        {
          "name": "liquidatorDestination",
          "docs": [
            "Liquidator's account receiving shares, or the asset when `receive_liquidity` is set."
          ],
          "writable": true
        },
        {
          "name": "collateralTokenProgram",
          "docs": [
            "Collateral side.",
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "liquidateParams"
            }
          }
        }
      ]
    },
    {
      "name": "pauseMarket",
      "docs": [
        "The guardian (or owner) pauses the market, for a while or until the owner lifts it."
      ],
      "discriminator": [
        216,
        238,
        4,
        164,
        65,
        11,
        162,
        91
      ],
      "accounts": [
        {
          "name": "authority",
          "docs": [
            "The market's guardian, or its owner."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "pauseFlags",
          "type": "u8"
        },
        {
          "name": "durationSecs",
          "type": "u64"
        }
      ]
    },
    {
      "name": "proposeOwner",
      "docs": [
        "Proposes a new market owner (two-step transfer)."
      ],
      "discriminator": [
        90,
        57,
        141,
        110,
        196,
        241,
        172,
        39
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "newOwner",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "queueChange",
      "docs": [
        "Queues a change behind the market's timelock (owner)."
      ],
      "discriminator": [
        86,
        150,
        134,
        232,
        202,
        133,
        157,
        253
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "payer",
          "docs": [
            "Pays the change account's rent (returned when it is applied or cancelled)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        },
        {
          "name": "target",
          "docs": [
            "The account the change is made to (the market itself for market-wide settings)."
          ]
        },
        {
          "name": "pending",
          "docs": [
            "The new change, at `[\"change\", market, change_id]`."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  99,
                  104,
                  97,
                  110,
                  103,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "market"
              },
              {
                "kind": "arg",
                "path": "changeId"
              }
            ]
          }
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "changeId",
          "type": "u64"
        },
        {
          "name": "change",
          "type": {
            "defined": {
              "name": "adminChange"
            }
          }
        }
      ]
    },
    {
      "name": "redeemReserveCollateral",
      "docs": [
        "Redeems deposit shares for liquidity."
      ],
      "discriminator": [
        234,
        117,
        181,
        125,
        185,
        142,
        220,
        29
      ],
      "accounts": [
        {
          "name": "user",
          "docs": [
            "Share holder."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "shareMint",
          "docs": [
            "The reserve's share mint."
          ],
          "writable": true
        },
        {
          "name": "userShares",
          "docs": [
            "Holder's share account."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Holder's token account receiving liquidity."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "shares",
          "type": "u64"
        }
      ]
    },
    {
      "name": "refreshObligation",
      "docs": [
        "Recomputes an obligation's health from its reserves (remaining accounts)."
      ],
      "discriminator": [
        33,
        132,
        147,
        228,
        151,
        192,
        72,
        89
      ],
      "accounts": [
        {
          "name": "obligation",
          "docs": [
            "The obligation."
          ],
          "writable": true
        }
      ],
      "args": []
    },
    {
      "name": "refreshOraclePrice",
      "docs": [
        "Copies a validated price from its source."
      ],
      "discriminator": [
        105,
        173,
        104,
        45,
        225,
        142,
        101,
        72
      ],
      "accounts": [
        {
          "name": "oracle",
          "docs": [
            "The program's price account."
          ],
          "writable": true
        },
        {
          "name": "source",
          "docs": [
            "The source account (omit for fixed prices)."
          ],
          "optional": true
        }
      ],
      "args": []
    },
    {
      "name": "refreshReserve",
      "docs": [
        "Accrues interest and caches the price for this slot."
      ],
      "discriminator": [
        2,
        218,
        138,
        235,
        79,
        201,
        25,
        102
      ],
      "accounts": [
        {
          "name": "reserve",
          "docs": [
            "The reserve."
          ],
          "writable": true
        },
        {
          "name": "oracle",
          "docs": [
            "The reserve's own price account."
          ],
          "relations": [
            "reserve"
          ]
        }
      ],
      "args": []
    },
    {
      "name": "repayObligationLiquidity",
      "docs": [
        "Repays debt (`u64::MAX`: all of it)."
      ],
      "discriminator": [
        145,
        178,
        13,
        225,
        76,
        240,
        147,
        72
      ],
      "accounts": [
        {
          "name": "payer",
          "docs": [
            "Payer (need not be the owner)."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve the debt is owed to.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "payerLiquidity",
          "docs": [
            "Payer's token account."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "requestUnstake",
      "docs": [
        "Puts fund shares into the cooldown (they stay slashable until withdrawn)."
      ],
      "discriminator": [
        44,
        154,
        110,
        253,
        160,
        202,
        54,
        34
      ],
      "accounts": [
        {
          "name": "staker",
          "docs": [
            "The staker; pays the request's rent (returned when it closes)."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "fund",
          "docs": [
            "The insurance fund."
          ],
          "writable": true
        },
        {
          "name": "shareMint",
          "docs": [
            "The fund's share mint."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "stakerShares",
          "docs": [
            "The staker's shares, burned from here."
          ],
          "writable": true
        },
        {
          "name": "request",
          "docs": [
            "The new request, at `[\"unstake\", fund, staker]`: one per staker at a time."
          ],
          "writable": true,
          "pda": {
            "seeds": [
              {
                "kind": "const",
                "value": [
                  117,
                  110,
                  115,
                  116,
                  97,
                  107,
                  101
                ]
              },
              {
                "kind": "account",
                "path": "fund"
              },
              {
                "kind": "account",
                "path": "staker"
              }
            ]
          }
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The fund's token program."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "systemProgram",
          "docs": [
            "System program."
          ],
          "address": "11111111111111111111111111111111"
        }
      ],
      "args": [
        {
          "name": "shares",
          "type": "u64"
        }
      ]
    },
    {
      "name": "setFixedPrice",
      "docs": [
        "Sets a fixed price (fixed-price markets only)."
      ],
      "discriminator": [
        31,
        215,
        96,
        220,
        179,
        102,
        173,
        29
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "oracle"
          ]
        },
        {
          "name": "oracle",
          "docs": [
            "The price account."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "price",
          "type": "i64"
        },
        {
          "name": "expo",
          "type": "i32"
        },
        {
          "name": "conf",
          "type": "u64"
        }
      ]
    },
    {
      "name": "setGuardian",
      "docs": [
        "Names the market's guardian, who may pause but never unpause or change settings."
      ],
      "discriminator": [
        147,
        243,
        50,
        121,
        154,
        164,
        50,
        30
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "guardian",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "setLookupTable",
      "docs": [
        "Records the market's address lookup table, where clients find it (owner)."
      ],
      "discriminator": [
        235,
        249,
        109,
        59,
        171,
        208,
        117,
        65
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        },
        {
          "name": "lookupTable"
        }
      ],
      "args": []
    },
    {
      "name": "setObligationEmode",
      "docs": [
        "Moves an obligation into an e-mode group (0: out of any)."
      ],
      "discriminator": [
        68,
        178,
        146,
        102,
        212,
        215,
        156,
        75
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Obligation owner."
          ],
          "signer": true,
          "relations": [
            "obligation"
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "groupId",
          "type": "u8"
        }
      ]
    },
    {
      "name": "setRiskAdmin",
      "docs": [
        "Names the market's risk admin, who may make the changes that only tighten risk at once."
      ],
      "discriminator": [
        116,
        38,
        71,
        206,
        17,
        108,
        177,
        192
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "riskAdmin",
          "type": "pubkey"
        }
      ]
    },
    {
      "name": "stake",
      "docs": [
        "Stakes tokens into an insurance fund for its shares."
      ],
      "discriminator": [
        206,
        176,
        202,
        18,
        200,
        209,
        179,
        108
      ],
      "accounts": [
        {
          "name": "staker",
          "docs": [
            "The staker."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "fund",
          "docs": [
            "The insurance fund."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The fund's asset."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "vault",
          "docs": [
            "The fund's vault."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "shareMint",
          "docs": [
            "The fund's share mint."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "stakerLiquidity",
          "docs": [
            "The staker's token account paying in."
          ],
          "writable": true
        },
        {
          "name": "stakerShares",
          "docs": [
            "The staker's account receiving the shares."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The fund's token program."
          ],
          "relations": [
            "fund"
          ]
        }
      ],
      "args": [
        {
          "name": "amount",
          "type": "u64"
        }
      ]
    },
    {
      "name": "updateEmodeGroup",
      "docs": [
        "Tightens an e-mode group's limits (from the next slot; a lower threshold ramps) and debt",
        "ceiling (owner or risk admin); anything else through the queue."
      ],
      "discriminator": [
        171,
        55,
        109,
        135,
        154,
        87,
        150,
        213
      ],
      "accounts": [
        {
          "name": "authority",
          "docs": [
            "Market owner or risk admin."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "group"
          ]
        },
        {
          "name": "group",
          "docs": [
            "The group."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "emodeGroupParams"
            }
          }
        }
      ]
    },
    {
      "name": "updateFundSettings",
      "docs": [
        "Sets the market's insurance-fund rules (cooldown, window, stream, most per write-off)",
        "where the market's delay is zero; otherwise through the queue."
      ],
      "discriminator": [
        173,
        110,
        103,
        140,
        117,
        136,
        63,
        126
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "fundSettingsParams"
            }
          }
        }
      ]
    },
    {
      "name": "updateInsuranceFund",
      "docs": [
        "Changes a reserve's cuts of its income for its insurance fund where the market's delay is",
        "zero; otherwise through the queue."
      ],
      "discriminator": [
        62,
        240,
        87,
        69,
        98,
        65,
        101,
        18
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "reserve"
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The insured reserve."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "cuts",
          "type": {
            "defined": {
              "name": "fundCutsParams"
            }
          }
        }
      ]
    },
    {
      "name": "updateMarketConfig",
      "docs": [
        "Sets the pause flags, and the liquidation limits where the market's delay is zero."
      ],
      "discriminator": [
        91,
        87,
        149,
        101,
        110,
        116,
        16,
        120
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "marketConfigParams"
            }
          }
        }
      ]
    },
    {
      "name": "updateOracleConfig",
      "docs": [
        "Rebinds a price account to another source or feed, or changes its limits: at once only",
        "while its feed is dead (or with a zero delay), otherwise through the queue."
      ],
      "discriminator": [
        83,
        16,
        11,
        254,
        57,
        99,
        156,
        58
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Market owner."
          ],
          "signer": true,
          "relations": [
            "market"
          ]
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "oracle"
          ]
        },
        {
          "name": "oracle",
          "docs": [
            "The price account."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "params",
          "type": {
            "defined": {
              "name": "oracleConfigParams"
            }
          }
        }
      ]
    },
    {
      "name": "updateReserveConfig",
      "docs": [
        "Tightens a reserve's configuration within bounds (owner or risk admin; a lower threshold",
        "ramps); anything else through the queue."
      ],
      "discriminator": [
        61,
        148,
        100,
        70,
        143,
        107,
        17,
        13
      ],
      "accounts": [
        {
          "name": "authority",
          "docs": [
            "Market owner or risk admin."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "reserve"
          ]
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve."
          ],
          "writable": true
        }
      ],
      "args": [
        {
          "name": "config",
          "type": {
            "defined": {
              "name": "reserveConfigParams"
            }
          }
        }
      ]
    },
    {
      "name": "withdrawAndRedeem",
      "docs": [
        "Takes collateral out of an obligation and redeems it for liquidity."
      ],
      "discriminator": [
        55,
        105,
        12,
        86,
        5,
        8,
        70,
        47
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Obligation owner."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve.",
            "Loaded with the accounts it names checked against it."
          ],
          "writable": true
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The reserve's asset."
          ]
        },
        {
          "name": "supplyVault",
          "docs": [
            "The reserve's supply vault."
          ],
          "writable": true
        },
        {
          "name": "userLiquidity",
          "docs": [
            "Owner's token account of the asset (pays it in, or receives it)."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "shares",
          "type": "u64"
        }
      ]
    },
    {
      "name": "withdrawObligationCollateral",
      "docs": [
        "Takes collateral shares out of an obligation."
      ],
      "discriminator": [
        37,
        116,
        205,
        103,
        243,
        192,
        92,
        198
      ],
      "accounts": [
        {
          "name": "owner",
          "docs": [
            "Obligation owner."
          ],
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ]
        },
        {
          "name": "obligation",
          "docs": [
            "The obligation.",
            "Loaded with its market (and, for its owner's actions, its owner) checked."
          ],
          "writable": true
        },
        {
          "name": "reserve",
          "docs": [
            "The reserve the collateral is in.",
            "Loaded with the accounts it names checked against it."
          ]
        },
        {
          "name": "shareMint",
          "docs": [
            "The reserve's share mint."
          ],
          "writable": true
        },
        {
          "name": "userShares",
          "docs": [
            "Owner's share account (pays the shares in, or receives them)."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The reserve's token program."
          ]
        }
      ],
      "args": [
        {
          "name": "shares",
          "type": "u64"
        }
      ]
    },
    {
      "name": "withdrawStake",
      "docs": [
        "Withdraws an unstake request after its cooldown, within its window."
      ],
      "discriminator": [
        153,
        8,
        22,
        138,
        105,
        176,
        87,
        66
      ],
      "accounts": [
        {
          "name": "staker",
          "docs": [
            "The staker; gets the request's rent back."
          ],
          "writable": true,
          "signer": true
        },
        {
          "name": "market",
          "docs": [
            "The market."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "fund",
          "docs": [
            "The insurance fund."
          ],
          "writable": true,
          "relations": [
            "request"
          ]
        },
        {
          "name": "liquidityMint",
          "docs": [
            "The fund's asset."
          ],
          "relations": [
            "fund"
          ]
        },
        {
          "name": "vault",
          "docs": [
            "The fund's vault."
          ],
          "writable": true,
          "relations": [
            "fund"
          ]
        },
        {
          "name": "stakerLiquidity",
          "docs": [
            "The staker's token account receiving the tokens."
          ],
          "writable": true
        },
        {
          "name": "request",
          "docs": [
            "The staker's request."
          ],
          "writable": true
        },
        {
          "name": "tokenProgram",
          "docs": [
            "The fund's token program."
          ],
          "relations": [
            "fund"
          ]
        }
      ],
      "args": []
    }
  ],
  "accounts": [
    {
      "name": "emodeGroup",
      "discriminator": [
        72,
        103,
        199,
        127,
        200,
        245,
        150,
        253
      ]
    },
    {
      "name": "insuranceFund",
      "discriminator": [
        43,
        134,
        170,
        87,
        102,
        16,
        142,
        147
      ]
    },
    {
      "name": "lendingMarket",
      "discriminator": [
        246,
        114,
        50,
        98,
        72,
        157,
        28,
        120
      ]
    },
    {
      "name": "obligation",
      "discriminator": [
        168,
        206,
        141,
        106,
        88,
        76,
        172,
        167
      ]
    },
    {
      "name": "oraclePrice",
      "discriminator": [
        71,
        166,
        229,
        21,
        54,
        247,
        8,
        34
      ]
    },
    {
      "name": "pendingChange",
      "discriminator": [
        232,
        183,
        176,
        196,
        15,
        195,
        115,
        147
      ]
    },
    {
      "name": "reserve",
      "discriminator": [
        43,
        242,
        204,
        202,
        26,
        247,
        59,
        127
      ]
    },
    {
      "name": "unstakeRequest",
      "discriminator": [
        127,
        34,
        23,
        191,
        211,
        254,
        202,
        42
      ]
    }
  ],
  "events": [
    {
      "name": "badDebtWrittenOff",
      "discriminator": [
        236,
        46,
        22,
        26,
        81,
        51,
        171,
        41
      ]
    },
    {
      "name": "borrowed",
      "discriminator": [
        225,
        182,
        241,
        78,
        34,
        145,
        253,
        230
      ]
    },
    {
      "name": "changeApplied",
      "discriminator": [
        226,
        1,
        224,
        100,
        192,
        110,
        58,
        24
      ]
    },
    {
      "name": "changeCancelled",
      "discriminator": [
        139,
        179,
        97,
        81,
        214,
        21,
        119,
        93
      ]
    },
    {
      "name": "changeQueued",
      "discriminator": [
        232,
        143,
        80,
        230,
        125,
        117,
        169,
        213
      ]
    },
    {
      "name": "collateralDeposited",
      "discriminator": [
        244,
        62,
        77,
        11,
        135,
        112,
        61,
        96
      ]
    },
    {
      "name": "collateralWithdrawn",
      "discriminator": [
        51,
        224,
        133,
        106,
        74,
        173,
        72,
        82
      ]
    },
    {
      "name": "emodeGroupSet",
      "discriminator": [
        20,
        40,
        94,
        237,
        222,
        229,
        60,
        24
      ]
    },
    {
      "name": "fixedPriceSet",
      "discriminator": [
        168,
        195,
        39,
        120,
        133,
        49,
        187,
        229
      ]
    },
    {
      "name": "flashBorrowed",
      "discriminator": [
        167,
        227,
        8,
        165,
        41,
        203,
        102,
        186
      ]
    },
    {
      "name": "flashRepaid",
      "discriminator": [
        195,
        212,
        61,
        3,
        173,
        144,
        29,
        65
      ]
    },
    {
      "name": "fundFeesCollected",
      "discriminator": [
        57,
        131,
        52,
        58,
        150,
        88,
        231,
        12
      ]
    },
    {
      "name": "fundSettingsUpdated",
      "discriminator": [
        117,
        123,
        154,
        15,
        215,
        73,
        192,
        210
      ]
    },
    {
      "name": "guardianSet",
      "discriminator": [
        159,
        49,
        155,
        156,
        176,
        88,
        29,
        190
      ]
    },
    {
      "name": "insuranceFundSet",
      "discriminator": [
        154,
        62,
        147,
        93,
        26,
        126,
        109,
        254
      ]
    },
    {
      "name": "liquidated",
      "discriminator": [
        231,
        57,
        55,
        75,
        0,
        170,
        246,
        68
      ]
    },
    {
      "name": "liquidityDeposited",
      "discriminator": [
        218,
        155,
        74,
        193,
        59,
        66,
        94,
        122
      ]
    },
    {
      "name": "lookupTableSet",
      "discriminator": [
        37,
        0,
        74,
        11,
        76,
        159,
        230,
        206
      ]
    },
    {
      "name": "marketConfigUpdated",
      "discriminator": [
        7,
        181,
        49,
        237,
        18,
        92,
        160,
        192
      ]
    },
    {
      "name": "marketInitialized",
      "discriminator": [
        134,
        160,
        122,
        87,
        50,
        3,
        255,
        81
      ]
    },
    {
      "name": "marketPauseSet",
      "discriminator": [
        225,
        139,
        3,
        28,
        185,
        26,
        121,
        144
      ]
    },
    {
      "name": "obligationEmodeSet",
      "discriminator": [
        152,
        130,
        235,
        231,
        95,
        86,
        104,
        23
      ]
    },
    {
      "name": "obligationInitialized",
      "discriminator": [
        243,
        123,
        232,
        176,
        68,
        64,
        78,
        146
      ]
    },
    {
      "name": "oracleConfigUpdated",
      "discriminator": [
        130,
        6,
        5,
        137,
        29,
        155,
        34,
        68
      ]
    },
    {
      "name": "oraclePriceInitialized",
      "discriminator": [
        161,
        197,
        237,
        34,
        214,
        205,
        142,
        0
      ]
    },
    {
      "name": "ownerChanged",
      "discriminator": [
        34,
        223,
        103,
        225,
        239,
        231,
        51,
        53
      ]
    },
    {
      "name": "ownerProposed",
      "discriminator": [
        76,
        98,
        192,
        30,
        68,
        48,
        43,
        188
      ]
    },
    {
      "name": "protocolFeesClaimed",
      "discriminator": [
        22,
        228,
        205,
        252,
        57,
        17,
        156,
        252
      ]
    },
    {
      "name": "repaid",
      "discriminator": [
        38,
        248,
        231,
        7,
        150,
        164,
        172,
        23
      ]
    },
    {
      "name": "reserveConfigUpdated",
      "discriminator": [
        137,
        71,
        35,
        179,
        205,
        230,
        29,
        133
      ]
    },
    {
      "name": "reserveInitialized",
      "discriminator": [
        22,
        27,
        136,
        173,
        244,
        120,
        20,
        49
      ]
    },
    {
      "name": "riskAdminSet",
      "discriminator": [
        16,
        55,
        209,
        22,
        158,
        109,
        102,
        72
      ]
    },
    {
      "name": "sharesRedeemed",
      "discriminator": [
        232,
        166,
        7,
        56,
        67,
        19,
        42,
        117
      ]
    },
    {
      "name": "stakeWithdrawn",
      "discriminator": [
        33,
        120,
        159,
        58,
        140,
        255,
        174,
        79
      ]
    },
    {
      "name": "staked",
      "discriminator": [
        11,
        146,
        45,
        205,
        230,
        58,
        213,
        240
      ]
    },
    {
      "name": "timelockUpdated",
      "discriminator": [
        221,
        2,
        209,
        38,
        90,
        250,
        113,
        191
      ]
    },
    {
      "name": "unstakeCancelled",
      "discriminator": [
        102,
        223,
        189,
        101,
        201,
        223,
        180,
        38
      ]
    },
    {
      "name": "unstakeRequested",
      "discriminator": [
        21,
        253,
        177,
        85,
        129,
        206,
        42,
        152
      ]
    }
  ],
  "errors": [
    {
      "code": 6000,
      "name": "mathOverflow",
      "msg": "Math overflow"
    },
    {
      "code": 6001,
      "name": "divisionByZero",
      "msg": "Division by zero"
    },
    {
      "code": 6002,
      "name": "zeroAmount",
      "msg": "Amount must be greater than zero"
    },
    {
      "code": 6003,
      "name": "notMarketOwner",
      "msg": "Signer is not the market owner"
    },
    {
      "code": 6004,
      "name": "notPendingOwner",
      "msg": "Signer is not the pending market owner"
    },
    {
      "code": 6005,
      "name": "notObligationOwner",
      "msg": "Signer is not the obligation owner"
    },
    {
      "code": 6006,
      "name": "wrongMarket",
      "msg": "Account belongs to a different lending market"
    },
    {
      "code": 6007,
      "name": "wrongReserveAccount",
      "msg": "Account does not match the reserve's configuration"
    },
    {
      "code": 6008,
      "name": "wrongOracle",
      "msg": "Oracle-price account does not match the reserve"
    },
    {
      "code": 6009,
      "name": "wrongMint",
      "msg": "Token account mint does not match"
    },
    {
      "code": 6010,
      "name": "wrongTokenProgram",
      "msg": "Token program does not match the reserve"
    },
    {
      "code": 6011,
      "name": "vaultAsUserAccount",
      "msg": "A reserve vault cannot be used as the user's token account"
    },
    {
      "code": 6012,
      "name": "marketPaused",
      "msg": "Market is paused"
    },
    {
      "code": 6013,
      "name": "borrowsPaused",
      "msg": "Borrowing is paused in this market"
    },
    {
      "code": 6014,
      "name": "reserveFrozen",
      "msg": "Reserve is frozen"
    },
    {
      "code": 6015,
      "name": "reserveReduceOnly",
      "msg": "Reserve is reduce-only: no new deposits or borrows"
    },
    {
      "code": 6016,
      "name": "reserveStale",
      "msg": "Reserve must be refreshed in this slot first"
    },
    {
      "code": 6017,
      "name": "obligationStale",
      "msg": "Obligation must be refreshed in this slot first"
    },
    {
      "code": 6018,
      "name": "priceTooOld",
      "msg": "Oracle price is too old"
    },
    {
      "code": 6019,
      "name": "invalidPrice",
      "msg": "Oracle price is zero or negative"
    },
    {
      "code": 6020,
      "name": "invalidExponent",
      "msg": "Oracle exponent out of range"
    },
    {
      "code": 6021,
      "name": "confidenceTooWide",
      "msg": "Oracle confidence interval is too wide"
    },
    {
      "code": 6022,
      "name": "oracleNotFullyVerified",
      "msg": "Oracle price update is not fully verified"
    },
    {
      "code": 6023,
      "name": "wrongFeedId",
      "msg": "Oracle feed id does not match"
    },
    {
      "code": 6024,
      "name": "wrongOracleSource",
      "msg": "Oracle source account does not match or has the wrong owner"
    },
    {
      "code": 6025,
      "name": "invalidOracleData",
      "msg": "Oracle account data could not be parsed"
    },
    {
      "code": 6026,
      "name": "oracleNotTrading",
      "msg": "Legacy oracle aggregate is not in Trading status"
    },
    {
      "code": 6027,
      "name": "fixedPriceNotAllowed",
      "msg": "Fixed-price oracles are not allowed in this market"
    },
    {
      "code": 6028,
      "name": "priceDivergesFromEma",
      "msg": "Oracle price diverges from its EMA: borrows and withdrawals are paused"
    },
    {
      "code": 6029,
      "name": "invalidOracleConfig",
      "msg": "Invalid oracle configuration"
    },
    {
      "code": 6030,
      "name": "invalidReserveConfig",
      "msg": "Invalid reserve configuration"
    },
    {
      "code": 6031,
      "name": "invalidMarketConfig",
      "msg": "Invalid market configuration"
    },
    {
      "code": 6032,
      "name": "seedDepositTooSmall",
      "msg": "Seed deposit below the minimum"
    },
    {
      "code": 6033,
      "name": "depositCapReached",
      "msg": "Deposit cap reached"
    },
    {
      "code": 6034,
      "name": "borrowCapReached",
      "msg": "Borrow cap reached"
    },
    {
      "code": 6035,
      "name": "utilizationCapReached",
      "msg": "Utilisation cap reached"
    },
    {
      "code": 6036,
      "name": "outflowLimitExceeded",
      "msg": "Outflow limit for this window reached"
    },
    {
      "code": 6037,
      "name": "insufficientLiquidity",
      "msg": "Not enough liquidity available in the reserve"
    },
    {
      "code": 6038,
      "name": "reserveInsolvent",
      "msg": "Reserve has no liquidity backing its shares"
    },
    {
      "code": 6039,
      "name": "amountTooSmall",
      "msg": "Amount too small: it converts to zero"
    },
    {
      "code": 6040,
      "name": "noCollateralInReserve",
      "msg": "Obligation has no collateral in this reserve"
    },
    {
      "code": 6041,
      "name": "noDebtInReserve",
      "msg": "Obligation has no debt in this reserve"
    },
    {
      "code": 6042,
      "name": "tooManyDeposits",
      "msg": "Obligation already holds the maximum number of collateral positions"
    },
    {
      "code": 6043,
      "name": "tooManyBorrows",
      "msg": "Obligation already holds the maximum number of debt positions"
    },
    {
      "code": 6044,
      "name": "borrowTooLarge",
      "msg": "Borrow would exceed the obligation's borrow limit"
    },
    {
      "code": 6045,
      "name": "withdrawTooLarge",
      "msg": "Withdrawal would exceed the obligation's borrow limit"
    },
    {
      "code": 6046,
      "name": "obligationHealthy",
      "msg": "Obligation is healthy and cannot be liquidated"
    },
    {
      "code": 6047,
      "name": "liquidationBelowMinimum",
      "msg": "Liquidation yields less collateral than the liquidator's minimum"
    },
    {
      "code": 6048,
      "name": "liquidationDidNotImprove",
      "msg": "Liquidation would not improve the obligation's health"
    },
    {
      "code": 6049,
      "name": "nothingToLiquidate",
      "msg": "Nothing to liquidate"
    },
    {
      "code": 6050,
      "name": "wrongRemainingAccounts",
      "msg": "Remaining accounts do not match the obligation's reserves"
    },
    {
      "code": 6051,
      "name": "vaultBalanceMismatch",
      "msg": "Vault balance did not move by the accounted amount"
    },
    {
      "code": 6052,
      "name": "flashLoanActive",
      "msg": "A flash loan is open on this reserve"
    },
    {
      "code": 6053,
      "name": "flashLoansDisabled",
      "msg": "Flash loans are disabled on this reserve"
    },
    {
      "code": 6054,
      "name": "noFlashRepayFound",
      "msg": "Flash borrow has no matching flash repay later in the transaction"
    },
    {
      "code": 6055,
      "name": "multipleFlashBorrows",
      "msg": "Only one flash borrow is allowed per transaction"
    },
    {
      "code": 6056,
      "name": "flashLoanCpi",
      "msg": "Flash loans cannot be called through CPI"
    },
    {
      "code": 6057,
      "name": "invalidFlashRepay",
      "msg": "Flash repay does not match a flash borrow in this transaction"
    },
    {
      "code": 6058,
      "name": "invalidInstructionsSysvar",
      "msg": "Instructions sysvar account is invalid"
    },
    {
      "code": 6059,
      "name": "sameReserve",
      "msg": "The same reserve cannot be both the repay and the collateral reserve"
    },
    {
      "code": 6060,
      "name": "noFeesToClaim",
      "msg": "No protocol fees to claim"
    },
    {
      "code": 6061,
      "name": "amountExceedsCollateral",
      "msg": "Amount exceeds the obligation's collateral in this reserve"
    },
    {
      "code": 6062,
      "name": "collateralAndDebtSameReserve",
      "msg": "An obligation cannot hold collateral and debt in the same reserve"
    },
    {
      "code": 6063,
      "name": "priceTooOldForRisk",
      "msg": "A price is too old for a borrow, withdrawal or liquidation: refresh the oracle"
    },
    {
      "code": 6064,
      "name": "notGuardian",
      "msg": "Signer is neither the market's guardian nor its owner"
    },
    {
      "code": 6065,
      "name": "invalidMint",
      "msg": "The mint account cannot be read as a token mint"
    },
    {
      "code": 6066,
      "name": "mintPermanentDelegate",
      "msg": "Mint has a permanent delegate, who could move tokens out of the vaults (list it only as a trusted issuer)"
    },
    {
      "code": 6067,
      "name": "mintTransferFee",
      "msg": "Mint charges a transfer fee, or has a fee authority that could switch one on (trusted issuers only)"
    },
    {
      "code": 6068,
      "name": "mintTransferHook",
      "msg": "Mint has a transfer hook program, or a hook authority that could add one (trusted issuers only)"
    },
    {
      "code": 6069,
      "name": "mintPausable",
      "msg": "Mint is paused, or has a pause authority that could stop repayments and liquidations (trusted issuers only)"
    },
    {
      "code": 6070,
      "name": "mintDefaultAccountState",
      "msg": "Mint's new accounts start frozen, or its freeze authority could make them (trusted issuers only)"
    },
    {
      "code": 6071,
      "name": "mintInterestBearing",
      "msg": "Mint has an interest-rate authority (trusted issuers only)"
    },
    {
      "code": 6072,
      "name": "mintScaledUiAmount",
      "msg": "Mint has a UI-amount multiplier authority (trusted issuers only)"
    },
    {
      "code": 6073,
      "name": "mintNonTransferable",
      "msg": "Mint is non-transferable"
    },
    {
      "code": 6074,
      "name": "mintUnknownExtension",
      "msg": "Mint has a Token-2022 extension this program does not know (trusted issuers only)"
    },
    {
      "code": 6075,
      "name": "valuationChanged",
      "msg": "A reserve of this obligation was repriced, written down or reconfigured since the obligation's refresh: refresh it again"
    },
    {
      "code": 6076,
      "name": "invalidEmodeGroup",
      "msg": "Invalid e-mode group configuration"
    },
    {
      "code": 6077,
      "name": "wrongEmodeGroup",
      "msg": "E-mode group account is missing or is not the obligation's group"
    },
    {
      "code": 6078,
      "name": "assetNotInEmodeGroup",
      "msg": "The obligation's e-mode group does not admit this asset"
    },
    {
      "code": 6079,
      "name": "emodeDebtCeilingReached",
      "msg": "The isolated group's debt ceiling is reached"
    },
    {
      "code": 6080,
      "name": "emodeUnchanged",
      "msg": "The obligation is already in this e-mode group"
    },
    {
      "code": 6081,
      "name": "emodeSwitchUnhealthy",
      "msg": "The obligation would be over its borrow limit after the switch, or is liquidatable now"
    },
    {
      "code": 6082,
      "name": "invalidFundConfig",
      "msg": "Invalid insurance fund configuration"
    },
    {
      "code": 6083,
      "name": "insuranceFundExists",
      "msg": "The reserve already has an insurance fund"
    },
    {
      "code": 6084,
      "name": "wrongInsuranceFund",
      "msg": "Insurance fund accounts are missing or are not the reserve's fund and its vault"
    },
    {
      "code": 6085,
      "name": "fundDepleted",
      "msg": "The insurance fund has no vested tokens behind its shares"
    },
    {
      "code": 6086,
      "name": "cooldownNotOver",
      "msg": "The unstake cooldown has not ended"
    },
    {
      "code": 6087,
      "name": "unstakeWindowPassed",
      "msg": "The unstake window has passed: cancel the request or request again"
    },
    {
      "code": 6088,
      "name": "noUnstakeRequest",
      "msg": "No unstake request is open"
    },
    {
      "code": 6089,
      "name": "unstakeRequestOpen",
      "msg": "An unstake request is already open: withdraw or cancel it first"
    },
    {
      "code": 6090,
      "name": "noFundFeesToCollect",
      "msg": "No insurance fund income to collect"
    },
    {
      "code": 6091,
      "name": "changeNeedsTimelock",
      "msg": "This change loosens risk or moves fees: queue it (queue_change) and apply it after the market's delay"
    },
    {
      "code": 6092,
      "name": "riskAdminCannotLoosen",
      "msg": "The risk admin may only tighten risk; the owner must queue this change"
    },
    {
      "code": 6093,
      "name": "notMarketAuthority",
      "msg": "Signer is neither the market's owner nor its risk admin"
    },
    {
      "code": 6094,
      "name": "notChangeCanceller",
      "msg": "Only the market's owner or guardian may cancel a pending change before it expires"
    },
    {
      "code": 6095,
      "name": "changeNotYetEffective",
      "msg": "The change's delay has not passed"
    },
    {
      "code": 6096,
      "name": "changeExpired",
      "msg": "The change expired before it was applied: queue it again"
    },
    {
      "code": 6097,
      "name": "wrongChangeTarget",
      "msg": "The account is not the one the change was queued for"
    },
    {
      "code": 6098,
      "name": "invalidTimelockSettings",
      "msg": "Invalid timelock settings: delay or ramp outside its bounds"
    },
    {
      "code": 6099,
      "name": "emodeExitInProgress",
      "msg": "The asset is already leaving an e-mode group: wait until that ramp ends"
    },
    {
      "code": 6100,
      "name": "emodeGroupNotYetUsable",
      "msg": "This e-mode group was created recently: it opens once the market's timelock delay has passed"
    },
    {
      "code": 6101,
      "name": "notALookupTable",
      "msg": "The account is not an address lookup table"
    }
  ],
  "types": [
    {
      "name": "adminChange",
      "docs": [
        "A change to a market's settings, as queued or made directly."
      ],
      "type": {
        "kind": "enum",
        "variants": [
          {
            "name": "reserveConfig",
            "fields": [
              {
                "defined": {
                  "name": "reserveConfigParams"
                }
              }
            ]
          },
          {
            "name": "emodeGroup",
            "fields": [
              {
                "defined": {
                  "name": "emodeGroupParams"
                }
              }
            ]
          },
          {
            "name": "oracleConfig",
            "fields": [
              {
                "defined": {
                  "name": "oracleConfigParams"
                }
              }
            ]
          },
          {
            "name": "liquidationLimits",
            "fields": [
              {
                "defined": {
                  "name": "liquidationLimitsParams"
                }
              }
            ]
          },
          {
            "name": "fundSettings",
            "fields": [
              {
                "defined": {
                  "name": "fundSettingsParams"
                }
              }
            ]
          },
          {
            "name": "fundCuts",
            "fields": [
              {
                "defined": {
                  "name": "fundCutsParams"
                }
              }
            ]
          },
          {
            "name": "timelock",
            "fields": [
              {
                "defined": {
                  "name": "timelockParams"
                }
              }
            ]
          }
        ]
      }
    },
    {
      "name": "badDebtWrittenOff",
      "docs": [
        "Debt with no collateral left behind it was written off against the reserve; the amounts",
        "say who absorbed it, in order (WAD-scaled tokens but `fund_tokens`)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "debtShares",
            "type": "u128"
          },
          {
            "name": "amountWad",
            "docs": [
              "The whole loss."
            ],
            "type": "u128"
          },
          {
            "name": "fundFeesWad",
            "docs": [
              "Taken from the insurance fund's cut not yet collected."
            ],
            "type": "u128"
          },
          {
            "name": "fundTokens",
            "docs": [
              "Paid in by the insurance fund from its vault (tokens)."
            ],
            "type": "u64"
          },
          {
            "name": "protocolFeesWad",
            "docs": [
              "Taken from unclaimed protocol fees."
            ],
            "type": "u128"
          },
          {
            "name": "depositorsWad",
            "docs": [
              "Left to depositors through the exchange rate."
            ],
            "type": "u128"
          }
        ]
      }
    },
    {
      "name": "borrowRateCurve",
      "docs": [
        "A monotone piecewise-linear curve from 0% to 100% utilisation."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "points",
            "docs": [
              "The points, sorted by utilisation; the last used point is at 100%."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "curvePoint"
                  }
                },
                11
              ]
            }
          }
        ]
      }
    },
    {
      "name": "borrowed",
      "docs": [
        "Liquidity was borrowed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "fee",
            "type": "u64"
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthSnapshot"
              }
            }
          }
        ]
      }
    },
    {
      "name": "changeApplied",
      "docs": [
        "A queued change was applied."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "changeId",
            "type": "u64"
          },
          {
            "name": "target",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "changeCancelled",
      "docs": [
        "A queued change was cancelled (or closed once expired)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "changeId",
            "type": "u64"
          },
          {
            "name": "by",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "changeQueued",
      "docs": [
        "The owner queued a change."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "pending",
            "docs": [
              "The change's account."
            ],
            "type": "pubkey"
          },
          {
            "name": "changeId",
            "type": "u64"
          },
          {
            "name": "target",
            "docs": [
              "The account it changes (the market for market-wide settings)."
            ],
            "type": "pubkey"
          },
          {
            "name": "change",
            "type": {
              "defined": {
                "name": "adminChange"
              }
            }
          },
          {
            "name": "effectiveAt",
            "docs": [
              "From when anyone may apply it, and until when."
            ],
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "collateralDeposited",
      "docs": [
        "Shares were added to an obligation as collateral."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "liquidityAmount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "collateralWithdrawn",
      "docs": [
        "Collateral shares were taken out of an obligation."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "liquidityAmount",
            "type": "u64"
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthSnapshot"
              }
            }
          }
        ]
      }
    },
    {
      "name": "curvePoint",
      "docs": [
        "One point of the curve: at this utilisation, borrowers pay this APR."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "utilizationBps",
            "docs": [
              "Utilisation in basis points (0..=10,000)."
            ],
            "type": "u32"
          },
          {
            "name": "rateBps",
            "docs": [
              "Annual borrow rate in basis points."
            ],
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "curvePointParams",
      "docs": [
        "One point of a borrow-rate curve as sent by the market owner (borsh-identical to a",
        "`(u32, u32)` pair; a struct so the IDL can describe it)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "utilizationBps",
            "docs": [
              "Utilisation, in basis points."
            ],
            "type": "u32"
          },
          {
            "name": "rateBps",
            "docs": [
              "Borrow rate at that utilisation (APR), in basis points."
            ],
            "type": "u32"
          }
        ]
      }
    },
    {
      "name": "emodeGroup",
      "docs": [
        "An e-mode group of a market: assets that move together, borrowed against each other",
        "under their own limits; an isolated group also caps what its obligations owe."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "market",
            "docs": [
              "Market the group belongs to."
            ],
            "type": "pubkey"
          },
          {
            "name": "debtReserve",
            "docs": [
              "Isolated groups: the one reserve their obligations may borrow from (fixed at",
              "creation); the default key otherwise."
            ],
            "type": "pubkey"
          },
          {
            "name": "debtShares",
            "docs": [
              "Isolated groups: debt shares of `debt_reserve` owed by the group's obligations",
              "(WAD-scaled), counted exactly as they borrow, repay, are liquidated, enter and leave."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "debtCeiling",
            "docs": [
              "Isolated groups: most tokens of `debt_reserve` the group's obligations may owe",
              "(interest included) for a new borrow to be allowed; 0 allows none."
            ],
            "type": "u64"
          },
          {
            "name": "pendingFromSlot",
            "docs": [
              "The slot from which `pending_limits` replace `limits` (0 when nothing is pending)."
            ],
            "type": "u64"
          },
          {
            "name": "limits",
            "docs": [
              "The limits in force."
            ],
            "type": {
              "defined": {
                "name": "emodeLimits"
              }
            }
          },
          {
            "name": "pendingLimits",
            "docs": [
              "Limits set by the last update, in force from `pending_from_slot`: an obligation",
              "refreshed earlier in the slot of an update keeps the limits it was valued with."
            ],
            "type": {
              "defined": {
                "name": "emodeLimits"
              }
            }
          },
          {
            "name": "id",
            "docs": [
              "The group's id, 1..=32."
            ],
            "type": "u8"
          },
          {
            "name": "isolated",
            "docs": [
              "Non-zero when the group is isolated (fixed at creation)."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                5
              ]
            }
          },
          {
            "name": "thresholdRamp",
            "docs": [
              "A lowered liquidation threshold on its way down to the limits' value."
            ],
            "type": {
              "defined": {
                "name": "ramp"
              }
            }
          },
          {
            "name": "usableFrom",
            "docs": [
              "Unix time from which obligations may enter the group: a group created in a",
              "market with a delay waits for it, as a loosening would (reserves may name it in",
              "their masks before it exists)."
            ],
            "type": "i64"
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                12
              ]
            }
          }
        ]
      }
    },
    {
      "name": "emodeGroupParams",
      "docs": [
        "An e-mode group's limits and debt ceiling as sent by the market owner (bounds:",
        "[`lending_core::risk::emode::GroupParams::is_valid`])."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "ltvBps",
            "docs": [
              "LTV of every collateral position the group admits, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "docs": [
              "Liquidation threshold of every collateral position the group admits, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "minLiquidationBonusBps",
            "docs": [
              "Liquidation bonus just past the line, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "maxLiquidationBonusBps",
            "docs": [
              "Liquidation bonus at full insolvency, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "debtCeiling",
            "docs": [
              "Isolated groups: most tokens of the debt reserve the group's obligations may owe for a",
              "new borrow to be allowed (0 for a plain group)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "emodeGroupSet",
      "docs": [
        "An e-mode group was created or changed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "group",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u8"
          },
          {
            "name": "isolated",
            "type": "bool"
          },
          {
            "name": "debtReserve",
            "docs": [
              "Isolated groups: the one reserve their obligations may borrow from."
            ],
            "type": "pubkey"
          },
          {
            "name": "params",
            "type": {
              "defined": {
                "name": "emodeGroupParams"
              }
            }
          },
          {
            "name": "effectiveSlot",
            "docs": [
              "The slot from which the limits are in force."
            ],
            "type": "u64"
          },
          {
            "name": "thresholdRampEnd",
            "docs": [
              "When a lowered threshold reaches the value set (0: no ramp)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "emodeLimits",
      "docs": [
        "An e-mode group's collateral limits and liquidation bonus range, in basis points."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "ltvBps",
            "docs": [
              "LTV of every collateral position the group admits."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "docs": [
              "Liquidation threshold of every collateral position the group admits."
            ],
            "type": "u16"
          },
          {
            "name": "minLiquidationBonusBps",
            "docs": [
              "Liquidation bonus just past the line."
            ],
            "type": "u16"
          },
          {
            "name": "maxLiquidationBonusBps",
            "docs": [
              "Liquidation bonus at full insolvency."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "fixedPriceSet",
      "docs": [
        "The market owner set a fixed price."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "oracle",
            "type": "pubkey"
          },
          {
            "name": "price",
            "type": "i64"
          },
          {
            "name": "expo",
            "type": "i32"
          },
          {
            "name": "conf",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "flashBorrowed",
      "docs": [
        "A flash loan was taken."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "user",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "flashRepaid",
      "docs": [
        "A flash loan was repaid."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "user",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "fee",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "fundCutsParams",
      "docs": [
        "A reserve's cuts of its income for its fund, as sent by the owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "interestCutBps",
            "docs": [
              "Share of interest, in basis points (with the protocol's take, below 100%)."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationCutBps",
            "docs": [
              "Share of the protocol's liquidation fee, in basis points (at most 10,000)."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "fundFeesCollected",
      "docs": [
        "The fund's cut was collected from the reserve; it vests until `stream_end`."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "fund",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "streamEnd",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "fundSettingsParams",
      "docs": [
        "A market's rules for its insurance funds, as sent by the owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "cooldownSecs",
            "docs": [
              "Seconds an unstake waits before its tokens may be withdrawn (at most 90 days)."
            ],
            "type": "u64"
          },
          {
            "name": "unstakeWindowSecs",
            "docs": [
              "Seconds, after the cooldown, during which the withdrawal is open (1 minute to 30 days)."
            ],
            "type": "u64"
          },
          {
            "name": "streamSecs",
            "docs": [
              "Seconds over which collected income vests to stakers (at most 30 days)."
            ],
            "type": "u64"
          },
          {
            "name": "maxSlashBps",
            "docs": [
              "Most of a fund's assets one write-off may take, in basis points (100 to 9,000)."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "fundSettingsUpdated",
      "docs": [
        "A market's insurance-fund rules changed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "cooldownSecs",
            "type": "u64"
          },
          {
            "name": "unstakeWindowSecs",
            "type": "u64"
          },
          {
            "name": "streamSecs",
            "type": "u64"
          },
          {
            "name": "maxSlashBps",
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "guardianSet",
      "docs": [
        "The owner named the market's guardian (the default key: none)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "guardian",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "healthSnapshot",
      "docs": [
        "An obligation's health after an action (WAD quote units)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "deposited",
            "docs": [
              "Collateral at spot."
            ],
            "type": "u128"
          },
          {
            "name": "borrowed",
            "docs": [
              "Debt at price + conf."
            ],
            "type": "u128"
          },
          {
            "name": "borrowedWeighted",
            "docs": [
              "Debt at price + conf weighted by the borrow factors: what the borrow limit and the",
              "liquidation line are compared with."
            ],
            "type": "u128"
          },
          {
            "name": "borrowLimit",
            "docs": [
              "Borrow limit."
            ],
            "type": "u128"
          },
          {
            "name": "liquidationLine",
            "docs": [
              "Liquidation line."
            ],
            "type": "u128"
          }
        ]
      }
    },
    {
      "name": "initMarketParams",
      "docs": [
        "Market-wide settings chosen at creation (all but `allow_fixed_price` can change later; the",
        "timelock only through its own queue)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "quoteCurrency",
            "docs": [
              "Quote currency of all values (ASCII, zero-padded), e.g. \"USD\"."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "closeFactorBps",
            "docs": [
              "Share of an obligation's debt one liquidation may repay, in basis points (1,000 to 10,000)."
            ],
            "type": "u16"
          },
          {
            "name": "dustThreshold",
            "docs": [
              "Debt value (WAD quote) at or below which an obligation may be liquidated in full."
            ],
            "type": "u128"
          },
          {
            "name": "maxLiquidationValue",
            "docs": [
              "Largest debt value (WAD quote) one liquidation may repay; 0 means no cap."
            ],
            "type": "u128"
          },
          {
            "name": "allowFixedPrice",
            "docs": [
              "Whether fixed-price oracles may be created in this market (immutable)."
            ],
            "type": "bool"
          },
          {
            "name": "timelock",
            "docs": [
              "The timelock: the delay before a queued change may be applied, and the ramp of a",
              "lowered threshold (both at least a day, unless fixed prices are allowed)."
            ],
            "type": {
              "defined": {
                "name": "timelockParams"
              }
            }
          }
        ]
      }
    },
    {
      "name": "insuranceFund",
      "docs": [
        "A reserve's first-loss insurance fund: tokens staked by third parties and the fund's",
        "cut of the reserve's income, paid into the reserve before its depositors lose anything",
        "when debt is written off."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "market",
            "docs": [
              "Market the reserve belongs to."
            ],
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "docs": [
              "The reserve it insures."
            ],
            "type": "pubkey"
          },
          {
            "name": "vault",
            "docs": [
              "PDA token account of the reserve's asset holding the fund (`[\"fund_vault\", reserve]`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "shareMint",
            "docs": [
              "PDA mint of the fund's shares (`[\"fund_shares\", reserve]`)."
            ],
            "type": "pubkey"
          },
          {
            "name": "liquidityMint",
            "docs": [
              "The reserve's asset (copied at creation, with its token program and decimals)."
            ],
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "docs": [
              "The asset's token program; the share mint uses it too."
            ],
            "type": "pubkey"
          },
          {
            "name": "assets",
            "docs": [
              "Tokens the fund owns; tokens sent to the vault otherwise count for nothing."
            ],
            "type": "u64"
          },
          {
            "name": "shareSupply",
            "docs": [
              "All shares: held in wallets, in cooldown and the locked seed."
            ],
            "type": "u64"
          },
          {
            "name": "seedShares",
            "docs": [
              "Shares from the seed stake, locked forever."
            ],
            "type": "u64"
          },
          {
            "name": "cooldownShares",
            "docs": [
              "Shares in cooldown: burned from their wallets, still counted and still slashable."
            ],
            "type": "u64"
          },
          {
            "name": "streamAmount",
            "docs": [
              "Income not yet vested at `stream_start`; it vests linearly until `stream_end`."
            ],
            "type": "u64"
          },
          {
            "name": "streamStart",
            "docs": [
              "Start of the current income stream (unix time)."
            ],
            "type": "i64"
          },
          {
            "name": "streamEnd",
            "docs": [
              "End of the current income stream (unix time)."
            ],
            "type": "i64"
          },
          {
            "name": "absorbed",
            "docs": [
              "Tokens paid into the reserve to cover written-off debt, all time."
            ],
            "type": "u64"
          },
          {
            "name": "collected",
            "docs": [
              "Tokens collected from the reserve's cut, all time."
            ],
            "type": "u64"
          },
          {
            "name": "covers",
            "docs": [
              "Write-offs the fund paid toward."
            ],
            "type": "u64"
          },
          {
            "name": "bump",
            "docs": [
              "PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "decimals",
            "docs": [
              "Decimals of the asset (and of the share mint)."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                6
              ]
            }
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                8
              ]
            }
          }
        ]
      }
    },
    {
      "name": "insuranceFundSet",
      "docs": [
        "A reserve got its insurance fund, or its cuts for it changed (`seed_amount` 0)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "fund",
            "type": "pubkey"
          },
          {
            "name": "seedAmount",
            "type": "u64"
          },
          {
            "name": "interestCutBps",
            "type": "u16"
          },
          {
            "name": "liquidationCutBps",
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "lastUpdate",
      "docs": [
        "Slot and time of the last refresh, plus a flag that forces a refresh."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "slot",
            "docs": [
              "Slot of the last refresh."
            ],
            "type": "u64"
          },
          {
            "name": "unixTimestamp",
            "docs": [
              "Unix time of the last refresh."
            ],
            "type": "i64"
          },
          {
            "name": "stale",
            "docs": [
              "Non-zero when the cached values must be recomputed before use."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                7
              ]
            }
          }
        ]
      }
    },
    {
      "name": "lendingMarket",
      "docs": [
        "A market groups reserves that may be used as collateral for each other."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "owner",
            "docs": [
              "Owner: may change configuration and claim fees."
            ],
            "type": "pubkey"
          },
          {
            "name": "pendingOwner",
            "docs": [
              "Proposed next owner; must accept before the change takes effect."
            ],
            "type": "pubkey"
          },
          {
            "name": "quoteCurrency",
            "docs": [
              "Quote currency of all values (ASCII, zero-padded), e.g. \"USD\"."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "dustThreshold",
            "docs": [
              "Debt value (WAD quote) at or below which an obligation may be liquidated in full."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "maxLiquidationValue",
            "docs": [
              "Largest debt value (WAD quote) one liquidation may repay; 0 means no cap."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "closeFactorBps",
            "docs": [
              "Share of an obligation's debt one liquidation may repay, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "pauseFlags",
            "docs": [
              "Pause flags (`PAUSE_ALL`, `PAUSE_BORROWS`)."
            ],
            "type": "u8"
          },
          {
            "name": "allowFixedPrice",
            "docs": [
              "Non-zero when fixed-price oracles may be created (set at creation, immutable)."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          },
          {
            "name": "reserveCount",
            "docs": [
              "Number of reserves created in this market."
            ],
            "type": "u64"
          },
          {
            "name": "guardian",
            "docs": [
              "Guardian: may pause (`pause_market`), never unpause or change settings; the default",
              "key means none. The first role of the market."
            ],
            "type": "pubkey"
          },
          {
            "name": "pauseExpiresAt",
            "docs": [
              "Unix time at which the pause flags lapse; 0 means they hold until the owner lifts them."
            ],
            "type": "i64"
          },
          {
            "name": "fundCooldownSecs",
            "docs": [
              "Insurance funds: seconds an unstake waits before its tokens may be withdrawn."
            ],
            "type": "u64"
          },
          {
            "name": "fundUnstakeWindowSecs",
            "docs": [
              "Insurance funds: seconds, after the cooldown, during which the withdrawal is open."
            ],
            "type": "u64"
          },
          {
            "name": "fundStreamSecs",
            "docs": [
              "Insurance funds: seconds over which income collected into a fund vests to its",
              "stakers."
            ],
            "type": "u64"
          },
          {
            "name": "fundMaxSlashBps",
            "docs": [
              "Insurance funds: most of a fund's assets one write-off may take, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "pad2",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                6
              ]
            }
          },
          {
            "name": "riskAdmin",
            "docs": [
              "Risk admin: may make the changes that only tighten risk, at once; the default key",
              "means none."
            ],
            "type": "pubkey"
          },
          {
            "name": "timelockDelaySecs",
            "docs": [
              "Seconds between queuing a change that loosens risk and when anyone may apply it",
              "(changes only through the queue)."
            ],
            "type": "u64"
          },
          {
            "name": "rampSecs",
            "docs": [
              "Seconds over which a lowered liquidation threshold, or collateral leaving an",
              "e-mode group, ramps to its new value (changes only through the queue)."
            ],
            "type": "u64"
          },
          {
            "name": "changesQueued",
            "docs": [
              "Changes queued so far: the next change's id (part of its address)."
            ],
            "type": "u64"
          },
          {
            "name": "changesPending",
            "docs": [
              "Changes queued and not yet applied, cancelled or closed."
            ],
            "type": "u64"
          },
          {
            "name": "lookupTable",
            "docs": [
              "The market's address lookup table (its reserves' accounts, price sources, programs",
              "and sysvars), where clients find it to build v0 transactions; the default key",
              "means none. Advisory: a table only maps indexes to addresses, so a wrong one",
              "makes transactions fail or grow, never reach other accounts."
            ],
            "type": "pubkey"
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                11
              ]
            }
          }
        ]
      }
    },
    {
      "name": "liquidateParams",
      "docs": [
        "Arguments of a liquidation."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "maxRepay",
            "docs": [
              "Most debt tokens the liquidator will repay (`u64::MAX`: as much as allowed)."
            ],
            "type": "u64"
          },
          {
            "name": "minReceive",
            "docs": [
              "Least it accepts in return: shares, or tokens with `receive_liquidity`."
            ],
            "type": "u64"
          },
          {
            "name": "receiveLiquidity",
            "docs": [
              "Receive the collateral asset instead of deposit shares."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "liquidated",
      "docs": [
        "An obligation was liquidated."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "liquidator",
            "type": "pubkey"
          },
          {
            "name": "repayReserve",
            "type": "pubkey"
          },
          {
            "name": "collateralReserve",
            "type": "pubkey"
          },
          {
            "name": "repayAmount",
            "type": "u64"
          },
          {
            "name": "seizedShares",
            "type": "u64"
          },
          {
            "name": "liquidatorShares",
            "type": "u64"
          },
          {
            "name": "protocolFeeShares",
            "type": "u64"
          },
          {
            "name": "receivedLiquidity",
            "type": "u64"
          },
          {
            "name": "bonusBps",
            "type": "u16"
          },
          {
            "name": "healthBefore",
            "type": {
              "defined": {
                "name": "healthSnapshot"
              }
            }
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthSnapshot"
              }
            }
          }
        ]
      }
    },
    {
      "name": "liquidationLimitsParams",
      "docs": [
        "The market's liquidation limits, as sent by the owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "closeFactorBps",
            "docs": [
              "Share of an obligation's debt one liquidation may repay, in basis points (1,000 to 10,000)."
            ],
            "type": "u16"
          },
          {
            "name": "dustThreshold",
            "docs": [
              "Debt value (WAD quote) at or below which an obligation may be liquidated in full."
            ],
            "type": "u128"
          },
          {
            "name": "maxLiquidationValue",
            "docs": [
              "Largest debt value (WAD quote) one liquidation may repay; 0 means no cap."
            ],
            "type": "u128"
          }
        ]
      }
    },
    {
      "name": "liquidityDeposited",
      "docs": [
        "Liquidity was deposited for shares."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "user",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "shares",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "lookupTableSet",
      "docs": [
        "The owner recorded the market's address lookup table."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "lookupTable",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "marketConfigParams",
      "docs": [
        "New market-wide settings."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "closeFactorBps",
            "docs": [
              "Share of an obligation's debt one liquidation may repay, in basis points (1,000 to 10,000)."
            ],
            "type": "u16"
          },
          {
            "name": "dustThreshold",
            "docs": [
              "Debt value (WAD quote) at or below which an obligation may be liquidated in full."
            ],
            "type": "u128"
          },
          {
            "name": "maxLiquidationValue",
            "docs": [
              "Largest debt value (WAD quote) one liquidation may repay; 0 means no cap."
            ],
            "type": "u128"
          },
          {
            "name": "pauseFlags",
            "docs": [
              "Pause flags: 1 = everything but repayments, liquidations and collateral top-ups, 2 =",
              "borrows and flash loans. They replace any pause in force, and hold until changed."
            ],
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "marketConfigUpdated",
      "docs": [
        "Market-wide limits or pause flags changed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "closeFactorBps",
            "type": "u16"
          },
          {
            "name": "dustThreshold",
            "type": "u128"
          },
          {
            "name": "maxLiquidationValue",
            "type": "u128"
          },
          {
            "name": "pauseFlags",
            "type": "u8"
          }
        ]
      }
    },
    {
      "name": "marketInitialized",
      "docs": [
        "A market was created."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "allowFixedPrice",
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "marketPauseSet",
      "docs": [
        "The guardian or the owner paused the market."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "authority",
            "type": "pubkey"
          },
          {
            "name": "pauseFlags",
            "docs": [
              "The pause flags now in force."
            ],
            "type": "u8"
          },
          {
            "name": "expiresAt",
            "docs": [
              "When they lapse (0: when the owner lifts them)."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "obligation",
      "docs": [
        "A borrower's positions and their cached health."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "market",
            "docs": [
              "Market the positions are in."
            ],
            "type": "pubkey"
          },
          {
            "name": "owner",
            "docs": [
              "Wallet that owns the positions."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Lets one wallet hold several obligations (part of the PDA seeds)."
            ],
            "type": "u64"
          },
          {
            "name": "lastUpdate",
            "docs": [
              "Last refresh."
            ],
            "type": {
              "defined": {
                "name": "lastUpdate"
              }
            }
          },
          {
            "name": "depositedValue",
            "docs": [
              "Collateral at spot prices (WAD quote)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "borrowedValue",
            "docs": [
              "Debt at price + conf (WAD quote)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "borrowLimitValue",
            "docs": [
              "Borrow limit: collateral at price − conf × LTV (WAD quote)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "liquidationLineValue",
            "docs": [
              "Liquidation line: collateral at price − conf × liquidation threshold (WAD quote)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "deposits",
            "docs": [
              "Collateral positions; the first `deposits_len` are used, in order."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "obligationDeposit"
                  }
                },
                8
              ]
            }
          },
          {
            "name": "borrows",
            "docs": [
              "Debt positions; the first `borrows_len` are used, in order."
            ],
            "type": {
              "array": [
                {
                  "defined": {
                    "name": "obligationBorrow"
                  }
                },
                5
              ]
            }
          },
          {
            "name": "depositsLen",
            "docs": [
              "Used collateral positions."
            ],
            "type": "u8"
          },
          {
            "name": "borrowsLen",
            "docs": [
              "Used debt positions."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "emaDiverged",
            "docs": [
              "Non-zero when a reserve's price diverged from its EMA at the last refresh."
            ],
            "type": "u8"
          },
          {
            "name": "emodeGroup",
            "docs": [
              "The e-mode group the obligation is in (1..=32), 0 for none."
            ],
            "type": "u8"
          },
          {
            "name": "emodeIsolated",
            "docs": [
              "Non-zero when that group is isolated (fixed when the group is created)."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                2
              ]
            }
          },
          {
            "name": "borrowedSpotValue",
            "docs": [
              "Debt at spot prices (WAD quote): with `deposited_value`, the equity that bounds the",
              "liquidation bonus."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "priceRiskExpiry",
            "docs": [
              "Until when (unix time) every price behind the cached health may back a borrow, a",
              "withdrawal or a liquidation: the earliest of its reserves' price risk expiries."
            ],
            "type": "i64"
          },
          {
            "name": "borrowReserveSeqs",
            "docs": [
              "For each debt position, the reserve's `valuation_seq` when its values were computed",
              "(beside the positions, which have no spare room)."
            ],
            "type": {
              "array": [
                "u64",
                5
              ]
            }
          },
          {
            "name": "borrowedWeightedValue",
            "docs": [
              "Weighted debt: each debt position at price + conf times its reserve's borrow",
              "factor (WAD quote). The borrow limit and the liquidation line are compared with it."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "emodeLimits",
            "docs": [
              "The group's limits in force at the last refresh (zero outside any group)."
            ],
            "type": {
              "defined": {
                "name": "emodeLimits"
              }
            }
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                1
              ]
            }
          }
        ]
      }
    },
    {
      "name": "obligationBorrow",
      "docs": [
        "Debt owed to one reserve."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "docs": [
              "The reserve."
            ],
            "type": "pubkey"
          },
          {
            "name": "debtShares",
            "docs": [
              "Debt shares (WAD-scaled); debt = shares × reserve borrow index."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "marketValue",
            "docs": [
              "Value at price + conf (WAD quote) at the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "spotValue",
            "docs": [
              "Value at the spot price (WAD quote) at the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          }
        ]
      }
    },
    {
      "name": "obligationDeposit",
      "docs": [
        "Collateral held in one reserve."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "docs": [
              "The reserve."
            ],
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Deposit shares held as collateral."
            ],
            "type": "u64"
          },
          {
            "name": "reserveSeq",
            "docs": [
              "The reserve's `valuation_seq` when the values below were computed."
            ],
            "type": "u64"
          },
          {
            "name": "marketValue",
            "docs": [
              "Value at spot (WAD quote) at the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "borrowLimitValue",
            "docs": [
              "Borrow limit contributed at the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "liquidationLineValue",
            "docs": [
              "Liquidation line contributed at the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          }
        ]
      }
    },
    {
      "name": "obligationEmodeSet",
      "docs": [
        "An obligation moved into an e-mode group, to another, or out of any (0 = none)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "from",
            "type": "u8"
          },
          {
            "name": "to",
            "type": "u8"
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthSnapshot"
              }
            }
          }
        ]
      }
    },
    {
      "name": "obligationInitialized",
      "docs": [
        "An obligation was created."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "owner",
            "type": "pubkey"
          },
          {
            "name": "id",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "oracleConfigParams",
      "docs": [
        "The new binding and limits of a price account."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "sourceKind",
            "docs": [
              "0 = Pyth pull, 1 = legacy Pyth, 2 = fixed (markets that allow fixed prices only; a new",
              "fixed price is then set with `set_fixed_price`)."
            ],
            "type": "u8"
          },
          {
            "name": "source",
            "docs": [
              "The source account (zero key: any pull update with the right feed id; legacy sources",
              "must be pinned). Ignored for fixed prices."
            ],
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "docs": [
              "Pyth feed id (pull sources)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "maxAgeSecs",
            "docs": [
              "Oldest acceptable price, in seconds (5 to 600; 0 for fixed prices)."
            ],
            "type": "u64"
          },
          {
            "name": "maxAgeForRiskSecs",
            "docs": [
              "Oldest price borrows, withdrawals and liquidations accept, in seconds (5 to 120, at",
              "most `max_age_secs`; 0 for fixed prices)."
            ],
            "type": "u64"
          },
          {
            "name": "maxConfBps",
            "docs": [
              "Widest acceptable confidence, in basis points of the price."
            ],
            "type": "u16"
          },
          {
            "name": "maxEmaDeviationBps",
            "docs": [
              "EMA divergence that pauses borrows and withdrawals, in basis points."
            ],
            "type": "u16"
          }
        ]
      }
    },
    {
      "name": "oracleConfigUpdated",
      "docs": [
        "The market owner rebound a price account or changed its limits."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "oracle",
            "type": "pubkey"
          },
          {
            "name": "sourceKind",
            "type": "u8"
          },
          {
            "name": "source",
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "maxAgeSecs",
            "type": "u64"
          },
          {
            "name": "maxAgeForRiskSecs",
            "type": "u64"
          },
          {
            "name": "maxConfBps",
            "type": "u16"
          },
          {
            "name": "maxEmaDeviationBps",
            "type": "u16"
          },
          {
            "name": "priceCleared",
            "docs": [
              "True when the source changed and the stored price was cleared."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "oracleParams",
      "docs": [
        "How the new price account is sourced and checked."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "sourceKind",
            "docs": [
              "0 = Pyth pull, 1 = legacy Pyth, 2 = fixed price."
            ],
            "type": "u8"
          },
          {
            "name": "source",
            "docs": [
              "The source account (zero key: any pull update with the right feed id). Ignored for fixed."
            ],
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "docs": [
              "Pyth feed id (pull sources)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "maxAgeSecs",
            "docs": [
              "Oldest acceptable price, in seconds (5 to 600). Fixed prices never age: 0. The max age",
              "for borrows, withdrawals and liquidations starts at 30 s (or this, if shorter);",
              "`update_oracle_config` changes both."
            ],
            "type": "u64"
          },
          {
            "name": "maxConfBps",
            "docs": [
              "Widest acceptable confidence, in basis points of the price."
            ],
            "type": "u16"
          },
          {
            "name": "maxEmaDeviationBps",
            "docs": [
              "EMA divergence that pauses borrows and withdrawals, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "fixedPrice",
            "docs": [
              "Fixed sources: the price mantissa."
            ],
            "type": "i64"
          },
          {
            "name": "fixedExpo",
            "docs": [
              "Fixed sources: the exponent."
            ],
            "type": "i32"
          }
        ]
      }
    },
    {
      "name": "oraclePrice",
      "docs": [
        "The last validated price of one asset, with the limits it was checked against."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "market",
            "docs": [
              "Market this price belongs to."
            ],
            "type": "pubkey"
          },
          {
            "name": "mint",
            "docs": [
              "The priced asset's mint."
            ],
            "type": "pubkey"
          },
          {
            "name": "source",
            "docs": [
              "The source account; all zeros accepts any account of the source's owner with the right",
              "feed id (pull oracles post updates to fresh accounts)."
            ],
            "type": "pubkey"
          },
          {
            "name": "feedId",
            "docs": [
              "Pyth feed id the source must carry (pull oracles)."
            ],
            "type": {
              "array": [
                "u8",
                32
              ]
            }
          },
          {
            "name": "price",
            "docs": [
              "Price mantissa."
            ],
            "type": "i64"
          },
          {
            "name": "conf",
            "docs": [
              "Confidence interval (same exponent)."
            ],
            "type": "u64"
          },
          {
            "name": "emaPrice",
            "docs": [
              "EMA price mantissa (0 when unknown)."
            ],
            "type": "i64"
          },
          {
            "name": "publishTime",
            "docs": [
              "Unix time the price was published."
            ],
            "type": "i64"
          },
          {
            "name": "slot",
            "docs": [
              "Slot of the last successful refresh."
            ],
            "type": "u64"
          },
          {
            "name": "maxAgeSecs",
            "docs": [
              "Oldest acceptable price, in seconds; 0 only for fixed prices, which never age."
            ],
            "type": "u64"
          },
          {
            "name": "expo",
            "docs": [
              "Exponent of price, conf and EMA."
            ],
            "type": "i32"
          },
          {
            "name": "maxConfBps",
            "docs": [
              "Widest acceptable confidence, in basis points of the price."
            ],
            "type": "u16"
          },
          {
            "name": "maxEmaDeviationBps",
            "docs": [
              "EMA divergence that flags the price, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "sourceKind",
            "docs": [
              "`OracleSource` as a byte."
            ],
            "type": "u8"
          },
          {
            "name": "emaDiverged",
            "docs": [
              "Non-zero when the last refresh found spot and EMA diverged past the limit."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                5
              ]
            }
          },
          {
            "name": "maxAgeForRiskSecs",
            "docs": [
              "Oldest price, in seconds, that borrows, withdrawals and liquidations accept (0 for",
              "fixed prices, which never age)."
            ],
            "type": "u64"
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                15
              ]
            }
          }
        ]
      }
    },
    {
      "name": "oraclePriceInitialized",
      "docs": [
        "An oracle-price account was created."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "oracle",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "sourceKind",
            "type": "u8"
          },
          {
            "name": "source",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "ownerChanged",
      "docs": [
        "The proposed owner accepted."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "oldOwner",
            "type": "pubkey"
          },
          {
            "name": "newOwner",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "ownerProposed",
      "docs": [
        "A new owner was proposed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "pendingOwner",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "pendingChange",
      "docs": [
        "A queued change."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "docs": [
              "The market."
            ],
            "type": "pubkey"
          },
          {
            "name": "id",
            "docs": [
              "Its id in the market (part of the address)."
            ],
            "type": "u64"
          },
          {
            "name": "target",
            "docs": [
              "The account it changes (the market for market-wide settings)."
            ],
            "type": "pubkey"
          },
          {
            "name": "payer",
            "docs": [
              "Who paid the rent; it goes back to them when the change is applied or cancelled."
            ],
            "type": "pubkey"
          },
          {
            "name": "queuedAt",
            "docs": [
              "Unix time it was queued."
            ],
            "type": "i64"
          },
          {
            "name": "effectiveAt",
            "docs": [
              "Unix time from which anyone may apply it."
            ],
            "type": "i64"
          },
          {
            "name": "expiresAt",
            "docs": [
              "Unix time after which it can no longer be applied."
            ],
            "type": "i64"
          },
          {
            "name": "bump",
            "docs": [
              "PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "change",
            "docs": [
              "The change."
            ],
            "type": {
              "defined": {
                "name": "adminChange"
              }
            }
          }
        ]
      }
    },
    {
      "name": "podU128",
      "docs": [
        "`u128` stored as little-endian `[u64; 2]` limbs (8-byte aligned everywhere)."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "limbs",
            "docs": [
              "Low limb first."
            ],
            "type": {
              "array": [
                "u64",
                2
              ]
            }
          }
        ]
      }
    },
    {
      "name": "protocolFeesClaimed",
      "docs": [
        "Protocol fees were claimed by the market owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "interestFees",
            "type": "u64"
          },
          {
            "name": "feeVaultAmount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "ramp",
      "docs": [
        "A linear move of a value in basis points from `from_bps` at `start` to `to_bps` at",
        "`end` (unix times); `end == 0` when none is running (`risk::ramp::RampSpan`)."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "fromBps",
            "docs": [
              "Value at `start`, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "toBps",
            "docs": [
              "Value from `end` on, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          },
          {
            "name": "start",
            "docs": [
              "Unix time the ramp starts."
            ],
            "type": "i64"
          },
          {
            "name": "end",
            "docs": [
              "Unix time the ramp ends; 0 when none is running."
            ],
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "repaid",
      "docs": [
        "Debt was repaid."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "obligation",
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "remainingDebtShares",
            "type": "u128"
          },
          {
            "name": "health",
            "type": {
              "defined": {
                "name": "healthSnapshot"
              }
            }
          }
        ]
      }
    },
    {
      "name": "reserve",
      "docs": [
        "One asset's pool in a market."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "market",
            "docs": [
              "Market this reserve belongs to."
            ],
            "type": "pubkey"
          },
          {
            "name": "liquidityMint",
            "docs": [
              "Mint of the lent asset."
            ],
            "type": "pubkey"
          },
          {
            "name": "tokenProgram",
            "docs": [
              "Token program of the lent asset (SPL Token or Token-2022); the share mint uses it too."
            ],
            "type": "pubkey"
          },
          {
            "name": "supplyVault",
            "docs": [
              "PDA token account holding available liquidity."
            ],
            "type": "pubkey"
          },
          {
            "name": "feeVault",
            "docs": [
              "PDA token account holding protocol fees."
            ],
            "type": "pubkey"
          },
          {
            "name": "shareMint",
            "docs": [
              "PDA mint of deposit shares (\"collateral tokens\")."
            ],
            "type": "pubkey"
          },
          {
            "name": "oracle",
            "docs": [
              "The `OraclePrice` account this reserve is priced by."
            ],
            "type": "pubkey"
          },
          {
            "name": "lastUpdate",
            "docs": [
              "Last refresh."
            ],
            "type": {
              "defined": {
                "name": "lastUpdate"
              }
            }
          },
          {
            "name": "available",
            "docs": [
              "Tokens in the supply vault available to lend."
            ],
            "type": "u64"
          },
          {
            "name": "flashOutstanding",
            "docs": [
              "Tokens out on the currently open flash loan (0 when none)."
            ],
            "type": "u64"
          },
          {
            "name": "debtShares",
            "docs": [
              "Sum of all debt shares (WAD-scaled)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "borrowIndex",
            "docs": [
              "Cumulative borrow index (WAD)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "protocolFees",
            "docs": [
              "Unclaimed protocol fees from interest (WAD-scaled tokens)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "price",
            "docs": [
              "Cached spot price (WAD per whole token) from the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "priceConf",
            "docs": [
              "Cached confidence (WAD) from the last refresh."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "borrowApr",
            "docs": [
              "Borrow APR (WAD) at the last refresh that accrued interest (a later second), for",
              "display."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "badDebtWrittenOff",
            "docs": [
              "Total debt written off as bad debt (WAD-scaled tokens)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "shareSupply",
            "docs": [
              "All deposit shares: minted, held as obligation collateral, and the locked seed."
            ],
            "type": "u64"
          },
          {
            "name": "seedShares",
            "docs": [
              "Shares from the seed deposit, locked forever."
            ],
            "type": "u64"
          },
          {
            "name": "outflowUpdatedAt",
            "docs": [
              "Unix time of the last outflow the limiter recorded."
            ],
            "type": "i64"
          },
          {
            "name": "outflowLevel",
            "docs": [
              "Tokens in the outflow limiter's bucket at `outflow_updated_at` (see",
              "`OutflowBucket`)."
            ],
            "type": "u64"
          },
          {
            "name": "decimals",
            "docs": [
              "Decimals of the liquidity mint (and the share mint)."
            ],
            "type": "u8"
          },
          {
            "name": "bump",
            "docs": [
              "Reserve PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "emaDiverged",
            "docs": [
              "Non-zero when the last refresh saw spot and EMA diverge."
            ],
            "type": "u8"
          },
          {
            "name": "priceStatus",
            "docs": [
              "Outcome of the last refresh's price check: 0 = valid, else a `PriceStatus` code."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          },
          {
            "name": "config",
            "docs": [
              "Risk and fee configuration."
            ],
            "type": {
              "defined": {
                "name": "reserveConfig"
              }
            }
          },
          {
            "name": "priceRiskExpiry",
            "docs": [
              "Until when (unix time) the cached price may back a borrow, a withdrawal or a",
              "liquidation (its publish time plus the oracle's max age for risk); 0 when unpriced."
            ],
            "type": "i64"
          },
          {
            "name": "valuationSeq",
            "docs": [
              "Counts the changes that can lower what positions in this reserve are worth within a",
              "slot (a new cached price or price status, a bad-debt write-off, a configuration change).",
              "Each obligation position records it when valued; borrow, withdraw and liquidate refuse a",
              "position whose reserve has moved on since (`check_valuations_current`)."
            ],
            "type": "u64"
          },
          {
            "name": "insuranceFund",
            "docs": [
              "The reserve's insurance fund (`[\"insurance_fund\", reserve]`); the default key when",
              "it has none."
            ],
            "type": "pubkey"
          },
          {
            "name": "fundFees",
            "docs": [
              "The insurance fund's cut of interest and liquidation fees, not yet collected into",
              "its vault (WAD-scaled tokens)."
            ],
            "type": {
              "defined": {
                "name": "podU128"
              }
            }
          },
          {
            "name": "fundInterestCutBps",
            "docs": [
              "Share of interest that goes to the insurance fund, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "fundLiquidationCutBps",
            "docs": [
              "Share of the protocol's liquidation fee that goes to the insurance fund, in basis",
              "points."
            ],
            "type": "u16"
          },
          {
            "name": "pad2",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                4
              ]
            }
          },
          {
            "name": "thresholdRamp",
            "docs": [
              "A lowered liquidation threshold on its way down: `config.liquidation_threshold_bps`",
              "holds the value at the last refresh or change, this ramp the target."
            ],
            "type": {
              "defined": {
                "name": "ramp"
              }
            }
          },
          {
            "name": "emodeExitMask",
            "docs": [
              "The e-mode groups this asset is leaving as collateral: positions in them count at",
              "the group's threshold times `emode_exit_factor_bps`, with no borrowing power."
            ],
            "type": "u32"
          },
          {
            "name": "emodeExitFactorBps",
            "docs": [
              "Weight (10,000 = whole) of collateral in the groups it is leaving, at the last",
              "refresh or change."
            ],
            "type": "u16"
          },
          {
            "name": "pad3",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                2
              ]
            }
          },
          {
            "name": "emodeExitRamp",
            "docs": [
              "The exit's weight going from 10,000 to 0."
            ],
            "type": {
              "defined": {
                "name": "ramp"
              }
            }
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                16
              ]
            }
          }
        ]
      }
    },
    {
      "name": "reserveConfig",
      "docs": [
        "Risk and fee settings of a reserve, set by the market owner within validated bounds."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "ltvBps",
            "docs": [
              "Borrow limit per unit of collateral value, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "docs": [
              "Debt-to-collateral line above which liquidation is allowed, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "minLiquidationBonusBps",
            "docs": [
              "Liquidation bonus just past the line, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "maxLiquidationBonusBps",
            "docs": [
              "Liquidation bonus at full insolvency, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "protocolLiquidationFeeBps",
            "docs": [
              "Share of the liquidation bonus kept by the protocol, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "originationFeeBps",
            "docs": [
              "Fee added to every borrow, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "flashLoanFeeBps",
            "docs": [
              "Fee on flash loans, in basis points (paid to depositors)."
            ],
            "type": "u16"
          },
          {
            "name": "protocolTakeRateBps",
            "docs": [
              "Share of interest kept by the protocol, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "utilizationCapBps",
            "docs": [
              "Borrows that would push utilisation above this are refused, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "status",
            "docs": [
              "`ReserveStatus` as a byte."
            ],
            "type": "u8"
          },
          {
            "name": "flashLoansEnabled",
            "docs": [
              "Non-zero when flash loans are enabled."
            ],
            "type": "u8"
          },
          {
            "name": "trustedIssuer",
            "docs": [
              "Non-zero when the owner vouched for the mint's issuer at listing, accepting live",
              "Token-2022 authorities (permanent delegate, fee, hook, pause...) that are otherwise",
              "refused (`instructions/shared/mint_screen.rs`). Fixed at listing."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                3
              ]
            }
          },
          {
            "name": "depositCap",
            "docs": [
              "Largest total supply (cash + debt, tokens); 0 means no cap."
            ],
            "type": "u64"
          },
          {
            "name": "borrowCap",
            "docs": [
              "Largest total debt (tokens); 0 means no cap."
            ],
            "type": "u64"
          },
          {
            "name": "outflowLimit",
            "docs": [
              "Most tokens out through borrows and withdrawals at once, refilled over two windows",
              "(at most 1.5 × this in any window); 0 means no limit."
            ],
            "type": "u64"
          },
          {
            "name": "outflowWindowSecs",
            "docs": [
              "The outflow window, in seconds (1 s to 7 days)."
            ],
            "type": "u64"
          },
          {
            "name": "curve",
            "docs": [
              "The borrow-rate curve."
            ],
            "type": {
              "defined": {
                "name": "borrowRateCurve"
              }
            }
          },
          {
            "name": "borrowFactorBps",
            "docs": [
              "Weight of this asset's debt against the borrow limit and the liquidation line, in",
              "basis points (10,000 = 1x and up): volatile debt needs more collateral."
            ],
            "type": "u16"
          },
          {
            "name": "isolatedCollateral",
            "docs": [
              "Non-zero when this asset's collateral counts only inside an isolated e-mode group",
              "that admits it (a newly listed asset)."
            ],
            "type": "u8"
          },
          {
            "name": "pad2",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                5
              ]
            }
          },
          {
            "name": "emodeCollateralMask",
            "docs": [
              "The e-mode groups whose obligations may hold this asset as collateral (bit",
              "`id − 1`)."
            ],
            "type": "u32"
          },
          {
            "name": "emodeBorrowMask",
            "docs": [
              "The e-mode groups whose obligations may borrow this asset (bit `id − 1`); an",
              "isolated group names its one debt reserve instead."
            ],
            "type": "u32"
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                6
              ]
            }
          }
        ]
      }
    },
    {
      "name": "reserveConfigParams",
      "docs": [
        "A reserve's configuration as sent by the market owner."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "ltvBps",
            "docs": [
              "Borrow limit per unit of collateral value, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "docs": [
              "Liquidation line, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "minLiquidationBonusBps",
            "docs": [
              "Liquidation bonus just past the line, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "maxLiquidationBonusBps",
            "docs": [
              "Liquidation bonus at full insolvency, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "protocolLiquidationFeeBps",
            "docs": [
              "Share of the liquidation bonus kept by the protocol, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "originationFeeBps",
            "docs": [
              "Fee added to every borrow, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "flashLoanFeeBps",
            "docs": [
              "Flash-loan fee, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "protocolTakeRateBps",
            "docs": [
              "Share of interest kept by the protocol, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "utilizationCapBps",
            "docs": [
              "Utilisation above which borrows are refused, in basis points."
            ],
            "type": "u16"
          },
          {
            "name": "borrowFactorBps",
            "docs": [
              "Weight of this asset's debt against the borrow limit and the liquidation line, in",
              "basis points (10,000 = 1x, at most 50,000)."
            ],
            "type": "u16"
          },
          {
            "name": "status",
            "docs": [
              "0 = active, 1 = reduce-only, 2 = frozen."
            ],
            "type": "u8"
          },
          {
            "name": "flashLoansEnabled",
            "docs": [
              "Whether flash loans are enabled."
            ],
            "type": "bool"
          },
          {
            "name": "trustedIssuer",
            "docs": [
              "The owner vouches for the mint's issuer: live Token-2022 authorities (permanent",
              "delegate, fee, hook, pause...) are accepted at listing. Fixed at listing:",
              "`update_reserve_config` must repeat it."
            ],
            "type": "bool"
          },
          {
            "name": "depositCap",
            "docs": [
              "Largest total supply in tokens (0 = no cap)."
            ],
            "type": "u64"
          },
          {
            "name": "borrowCap",
            "docs": [
              "Largest total debt in tokens (0 = no cap)."
            ],
            "type": "u64"
          },
          {
            "name": "outflowLimit",
            "docs": [
              "Most tokens out at once through borrows and withdrawals, refilled over two windows",
              "(0 = no limit)."
            ],
            "type": "u64"
          },
          {
            "name": "outflowWindowSecs",
            "docs": [
              "Outflow window in seconds (1 s to 7 days when there is a limit)."
            ],
            "type": "u64"
          },
          {
            "name": "curve",
            "docs": [
              "Borrow-rate curve, 2 to 11 points."
            ],
            "type": {
              "vec": {
                "defined": {
                  "name": "curvePointParams"
                }
              }
            }
          },
          {
            "name": "emodeCollateralMask",
            "docs": [
              "E-mode groups whose obligations may hold this asset as collateral (bit `id − 1`)."
            ],
            "type": "u32"
          },
          {
            "name": "emodeBorrowMask",
            "docs": [
              "E-mode groups whose obligations may borrow this asset (bit `id − 1`)."
            ],
            "type": "u32"
          },
          {
            "name": "isolatedCollateral",
            "docs": [
              "This asset's collateral counts only inside an isolated e-mode group that admits it."
            ],
            "type": "bool"
          }
        ]
      }
    },
    {
      "name": "reserveConfigUpdated",
      "docs": [
        "A reserve's configuration changed."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "ltvBps",
            "type": "u16"
          },
          {
            "name": "liquidationThresholdBps",
            "docs": [
              "The threshold set (a lower one than in force ramps down to it until `threshold_ramp_end`)."
            ],
            "type": "u16"
          },
          {
            "name": "status",
            "type": "u8"
          },
          {
            "name": "interestForgiven",
            "docs": [
              "True when accrual up to the change overflowed and the period's interest was forgiven."
            ],
            "type": "bool"
          },
          {
            "name": "thresholdRampEnd",
            "docs": [
              "When the threshold reaches the value set (0: it is in force now)."
            ],
            "type": "i64"
          },
          {
            "name": "emodeExitMask",
            "docs": [
              "E-mode groups the asset is leaving as collateral, and when it has left them (0: none)."
            ],
            "type": "u32"
          },
          {
            "name": "emodeExitEnd",
            "type": "i64"
          }
        ]
      }
    },
    {
      "name": "reserveInitialized",
      "docs": [
        "A reserve was created with its seed deposit."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "mint",
            "type": "pubkey"
          },
          {
            "name": "seedAmount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "riskAdminSet",
      "docs": [
        "The owner named the market's risk admin (the default key: none)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "riskAdmin",
            "type": "pubkey"
          }
        ]
      }
    },
    {
      "name": "sharesRedeemed",
      "docs": [
        "Shares were redeemed for liquidity."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "reserve",
            "type": "pubkey"
          },
          {
            "name": "user",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "amount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "stakeWithdrawn",
      "docs": [
        "Shares out of cooldown were withdrawn for `amount` tokens."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "fund",
            "type": "pubkey"
          },
          {
            "name": "staker",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "amount",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "staked",
      "docs": [
        "Tokens were staked into an insurance fund."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "fund",
            "type": "pubkey"
          },
          {
            "name": "staker",
            "type": "pubkey"
          },
          {
            "name": "amount",
            "type": "u64"
          },
          {
            "name": "shares",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "timelockParams",
      "docs": [
        "The timelock's settings, as sent by the owner (through the queue after creation)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "delaySecs",
            "docs": [
              "Seconds between queuing a change and applying it: 1 to 14 days (0 allowed in markets",
              "that allow fixed prices)."
            ],
            "type": "u64"
          },
          {
            "name": "rampSecs",
            "docs": [
              "Seconds a lowered liquidation threshold takes to reach its new value: 1 to 30 days (0",
              "allowed in markets that allow fixed prices)."
            ],
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "timelockUpdated",
      "docs": [
        "The timelock's delay or ramp changed (through the queue)."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "market",
            "type": "pubkey"
          },
          {
            "name": "delaySecs",
            "type": "u64"
          },
          {
            "name": "rampSecs",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "unstakeCancelled",
      "docs": [
        "An unstake was cancelled; `shares_returned` came back to the staker."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "fund",
            "type": "pubkey"
          },
          {
            "name": "staker",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "sharesReturned",
            "type": "u64"
          }
        ]
      }
    },
    {
      "name": "unstakeRequest",
      "docs": [
        "One staker's unstake in cooldown (`[\"unstake\", fund, owner]`)."
      ],
      "serialization": "bytemuck",
      "repr": {
        "kind": "c"
      },
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "version",
            "docs": [
              "Layout version."
            ],
            "type": "u64"
          },
          {
            "name": "fund",
            "docs": [
              "The insurance fund."
            ],
            "type": "pubkey"
          },
          {
            "name": "owner",
            "docs": [
              "The staker."
            ],
            "type": "pubkey"
          },
          {
            "name": "shares",
            "docs": [
              "Shares in cooldown."
            ],
            "type": "u64"
          },
          {
            "name": "valueAtRequest",
            "docs": [
              "What they were worth when requested (tokens): the most the withdrawal pays."
            ],
            "type": "u64"
          },
          {
            "name": "cooldownEnd",
            "docs": [
              "When the withdrawal opens (unix time)."
            ],
            "type": "i64"
          },
          {
            "name": "windowEnd",
            "docs": [
              "When it closes (unix time); the request must then be cancelled or made again."
            ],
            "type": "i64"
          },
          {
            "name": "bump",
            "docs": [
              "PDA bump."
            ],
            "type": "u8"
          },
          {
            "name": "pad",
            "docs": [
              "Reserved."
            ],
            "type": {
              "array": [
                "u8",
                7
              ]
            }
          },
          {
            "name": "padding",
            "docs": [
              "Reserved for upgrades."
            ],
            "type": {
              "array": [
                "u64",
                4
              ]
            }
          }
        ]
      }
    },
    {
      "name": "unstakeRequested",
      "docs": [
        "Shares entered the cooldown; `value` is the most their withdrawal pays."
      ],
      "type": {
        "kind": "struct",
        "fields": [
          {
            "name": "fund",
            "type": "pubkey"
          },
          {
            "name": "staker",
            "type": "pubkey"
          },
          {
            "name": "shares",
            "type": "u64"
          },
          {
            "name": "value",
            "type": "u64"
          },
          {
            "name": "cooldownEnd",
            "type": "i64"
          },
          {
            "name": "windowEnd",
            "type": "i64"
          }
        ]
      }
    }
  ]
};
