import { getLoanProducts, type ProductView } from '../../../services/loans-api';

/** One product of the marketplace (there is no single-product endpoint): null when it is gone. */
export async function loadProduct(id: string): Promise<ProductView | null> {
  const { items } = await getLoanProducts();
  return items.find((p) => p.id === id) ?? null;
}
