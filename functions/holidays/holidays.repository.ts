import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import * as dynamoose from 'dynamoose';
import { keys } from '../shared/db/keys';
import { queryPlainItems } from '../shared/db/models';
import type { HolidayYear } from '../shared/domain/holidays-cn';

/** A year of the holiday arrangement as the credit centre stored it. */
export interface StoredHolidayYear extends HolidayYear {
  updatedAt: string;
  updatedBy: string;
}

export class HolidaysRepository {
  constructor(private readonly tableName: string) {}

  /** Every year the centre stored (a handful of items in one Query). */
  async listYears(): Promise<StoredHolidayYear[]> {
    const { pk, skPrefix } = keys.holidayYearsPrefix();
    const items = await queryPlainItems(this.tableName, pk, skPrefix, true);
    return items
      .map((i) => ({
        year: i.year as number,
        holidays: (i.holidays ?? []) as string[],
        workdays: (i.workdays ?? []) as string[],
        source: i.source as string,
        updatedAt: i.updatedAt as string,
        updatedBy: i.updatedBy as string,
      }))
      .sort((a, b) => a.year - b.year);
  }

  /** Stores a year whole; the centre's latest entry for a year replaces its earlier one. */
  async putYear(y: StoredHolidayYear): Promise<void> {
    await dynamoose.aws.ddb().send(
      new PutItemCommand({
        TableName: this.tableName,
        Item: marshall({ ...keys.holidayYear(y.year), entity: 'HolidayYear', ...y }, { removeUndefinedValues: true }),
      }),
    );
  }
}
