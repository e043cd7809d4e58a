import time
from procure.portfolio.store import PortfolioStore
from procure.portfolio.records import SystemRecord
from tests.samples import shipped_release

def test_smoke(database_url):
    t0=time.perf_counter()
    s=PortfolioStore(database_url, library=shipped_release())
    print("open", time.perf_counter()-t0)
    s.add(SystemRecord(name='Ærø', vendor='Tieto', integrations=('organisation',), business_area='A', owner_email='a@b.dk', criticality='høj'))
    assert [r.name for r in s.systems()] == ['Ærø']
    import pytest
    from procure.errors import ProcureError
    with pytest.raises(ProcureError, match='allerede'):
        s.add(SystemRecord(name='æRØ', vendor='X', business_area='A', owner_email='a@b.dk'))
