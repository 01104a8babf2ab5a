import Samsyn
