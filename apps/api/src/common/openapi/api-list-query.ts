import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

export interface ListQueryDoc {
  /** What the JSON filter takes; left out where the list reads none. */
  filter?: string;
  /** The sortable fields, or a sentence where the order is fixed. */
  sort?: readonly string[] | string;
}

/**
 * react-admin's list parameters as parseListQuery reads them. Named in the document, they also
 * give the operation its 400: a malformed filter, range or sort is refused, not ignored.
 */
export function ApiListQuery({ filter, sort }: ListQueryDoc): MethodDecorator {
  const sortDoc = typeof sort === 'string' ? sort : sort && `["field","ASC"|"DESC"], field one of ${sort.join(', ')}`;
  return applyDecorators(
    ...(filter ? [ApiQuery({ name: 'filter', type: String, required: false, description: `JSON: ${filter}` })] : []),
    ...(sortDoc ? [ApiQuery({ name: 'sort', type: String, required: false, description: sortDoc })] : []),
    ApiQuery({ name: 'range', type: String, required: false, description: '[first,last], e.g. [0,24]; 500 at most' }),
  );
}
