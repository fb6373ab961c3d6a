import { emptyCard, type CardData } from './card-data';

// A complete, valid card for the unit tests of the card data and its validation.

export const T1 = '11111111-1111-4111-8111-111111111111';
export const T2 = '22222222-2222-4222-8222-222222222222';
export const M1 = '33333333-3333-4333-8333-333333333333';
export const TYPE = '44444444-4444-4444-8444-444444444444';
export const SITE = '55555555-5555-4555-8555-555555555555';

export function completeCard(over: Partial<CardData> = {}): CardData {
  return {
    ...emptyCard(TYPE, 'Assistenza serale'),
    summaryIt: 'Aiuto a casa la sera.',
    needAnalysis: 'Colloquio a domicilio.',
    proposedSolution: 'Un operatore dalle 18 alle 22.',
    targetGroups: [T1],
    mode: 'both',
    minPeople: '1',
    maxPeople: '3',
    municipi: [M1],
    deliveryPlaces: ['domicilio'],
    contactPhone: '02 1234 5678',
    responsibleName: 'Anna Bianchi',
    staff: [{ kind: 'internal', count: '4', qualifications: 'OSS', yearsExperience: '5', references: 'yes', supplier: '' }],
    offerType: 'paid',
    priceUnit: 'ora',
    vatRate: '5',
    priceLists: [
      {
        validFrom: '2026-01-01',
        validTo: '',
        minUnits: '1',
        notes: '',
        tiers: [
          { peopleMin: '1', peopleMax: '1', unitsMin: '1', unitsMax: '9', unitPrice: '20' },
          { peopleMin: '1', peopleMax: '1', unitsMin: '10', unitsMax: '', unitPrice: '18.50' },
          { peopleMin: '2', peopleMax: '3', unitsMin: '1', unitsMax: '', unitPrice: '15' },
        ],
      },
    ],
    ...over,
  };
}
