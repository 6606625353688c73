import { ENTITY_TYPES, type EntityType } from '../../core/pack/entity-types';
import type { MessageKey, Translate } from '../i18n';

const TYPE_KEYS: Record<EntityType, MessageKey> = {
  organization: 'typeOrganization',
  person: 'typePerson',
  product: 'typeProduct',
  model: 'typeModel',
  place: 'typePlace',
  event: 'typeEvent',
  other: 'typeOther',
};

const isEntityType = (type: string): type is EntityType =>
  (ENTITY_TYPES as readonly string[]).includes(type);

/** The type's name in the UI language; an unknown type (from a newer pack) is shown as it is. */
export const typeLabel = (t: Translate, type: string): string =>
  isEntityType(type) ? t(TYPE_KEYS[type]) : type;
